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
        if (!rows.isEmpty()) {
            store.insertAll(rows, now);
            AfterCommit.run(transactions, relay::wake);
        }
        return rows.stream().map(OutboxRow::event).toList();
    }

    /**
     * Events for a change the caller commits in one statement of its own, outside JTA (a TOTP
     * sign-in): that statement carries {@link Staged#insertWhere} in its WITH, so the events are
     * written exactly when the change is, and the caller calls {@link Staged#committed} after it.
     */
    public Staged stage(List<Publication> publications) {
        Instant now = clock.instant();
        List<OutboxRow> rows = publications.stream()
                .map(p -> row(p.topic(), p.key(), p.type(), p.subject(), json.write(p.payload()), now)).toList();
        return new Staged(OutboxStore.columns(rows, now), relay);
    }

    /** Rows not yet written: the INSERT for a caller's statement and its parameters. */
    public static final class Staged {

        private final Object[] parameters;
        private final OutboxRelay relay;

        private Staged(Object[] parameters, OutboxRelay relay) {
            this.parameters = parameters;
            this.relay = relay;
        }

        /** The INSERT, writing the rows only where {@code condition} (SQL over the caller's WITH) holds. */
        public static String insertWhere(String condition) {
            return OutboxStore.INSERT_ROWS + "\nWHERE " + condition;
        }

        /** The INSERT's parameters, in order. */
        public Object[] parameters() {
            return parameters.clone();
        }

        /** The caller's statement committed with the rows: the relay takes them now. */
        public void committed() {
            relay.wake();
        }
    }

    /** Appends a tombstone (null value) so that compaction removes {@code key} from the topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent tombstone(String topic, String key, String type, String subject) {
        return append(topic, key, type, subject, null);
    }

    private CloudEvent append(String topic, String key, String type, String subject, String data) {
        Instant now = clock.instant();
        OutboxRow row = row(topic, key, type, subject, data, now);
        store.insertAll(List.of(row), now);
        AfterCommit.run(transactions, relay::wake);
        return row.event();
    }

    private OutboxRow row(String topic, String key, String type, String subject, String data, Instant now) {
        return new OutboxRow(topic, key, new CloudEvent(UUID.randomUUID().toString(), type, source, subject, now, data));
    }
}
