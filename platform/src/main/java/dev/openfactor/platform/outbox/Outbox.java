package dev.openfactor.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.EventJson;
import dev.openfactor.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Records events in the caller's transaction. Nothing reaches Kafka unless that transaction
 * commits; once it does, the relay is woken so the event leaves within milliseconds.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxStore store;
    private final OutboxRelay relay;
    private final EventJson json;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final String source;

    Outbox(OutboxStore store, OutboxRelay relay, EventJson json, Clock clock,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.store = store;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.source = "/openfactor/" + applicationName;
    }

    /** Appends an event whose payload is {@code payload} written as JSON. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, String subject, Object payload) {
        return append(topic, key, type, subject, json.write(payload));
    }

    /** One event of {@link #publishAll}. */
    public record Publication(String topic, String key, String type, String subject, Object payload) {
    }

    /** Appends several events in one round trip to the database, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> publishAll(List<Publication> publications) {
        Instant now = clock.instant();
        List<OutboxRow> rows = publications.stream()
                .map(p -> row(p.topic(), p.key(), p.type(), p.subject(), json.write(p.payload()), now)).toList();
        store.insertAll(rows, now);
        if (!rows.isEmpty()) {
            AfterCommit.run(transactions, relay::wake);
        }
        return rows.stream().map(OutboxRow::event).toList();
    }

    /** Appends a tombstone (null value) so that compaction removes {@code key} from the topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent tombstone(String topic, String key, String type, String subject) {
        return append(topic, key, type, subject, null);
    }

    private CloudEvent append(String topic, String key, String type, String subject, String data) {
        Instant now = clock.instant();
        OutboxRow row = row(topic, key, type, subject, data, now);
        store.insert(row, now);
        AfterCommit.run(transactions, relay::wake);
        return row.event();
    }

    private OutboxRow row(String topic, String key, String type, String subject, String data, Instant now) {
        return new OutboxRow(topic, key, new CloudEvent(UUID.randomUUID().toString(), type, source, subject, now, data));
    }
}
