package dev.openfactor.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
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
        List<OutboxRow> rows = publications.stream().map(p -> new OutboxRow(p.topic(), p.key(),
                new CloudEvent(UUID.randomUUID().toString(), p.type(), source, p.subject(), now, json.write(p.payload()))))
                .toList();
        store.insertAll(rows, now);
        if (!rows.isEmpty()) {
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
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
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type, source, subject, now, data);
        store.insert(new OutboxRow(topic, key, event), now);
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event;
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
