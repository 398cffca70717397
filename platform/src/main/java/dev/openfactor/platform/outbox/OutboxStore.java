package dev.openfactor.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SQL for the {@code outbox} table. Every statement runs on the caller's connection, hence in
 * the same transaction as the business change.
 */
@ApplicationScoped
class OutboxStore {

    private final Jdbc jdbc;

    OutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = """
            INSERT INTO outbox (id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The hottest statement of every service (one or two per business transaction): plain JDBC. */
    void insert(OutboxRow row, Instant now) {
        jdbc.update(INSERT, values(row, now));
    }

    /** Many rows in one round trip (a dispatcher recording a round of outcomes). */
    void insertAll(List<OutboxRow> rows, Instant now) {
        jdbc.batch(INSERT, rows.stream().map(r -> values(r, now)).toList());
    }

    private static Object[] values(OutboxRow row, Instant now) {
        CloudEvent e = row.event();
        return new Object[] {UUID.fromString(e.id()), row.topic(), row.key(), e.type(), e.source(), e.subject(), e.time(),
                e.data(), now};
    }

    /**
     * Locks the oldest unsent rows. SKIP LOCKED lets another replica's relay take the next
     * rows instead of waiting for, or re-publishing, the ones this transaction holds.
     */
    List<OutboxRow> lockUnsent(int limit) {
        return jdbc.query("""
                SELECT id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload
                FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""",
                row -> new OutboxRow(row.getString(2), row.getString(3), new CloudEvent(row.getString(1), row.getString(4),
                        row.getString(5), row.getString(6), Jdbc.instant(row, 7), row.getString(8))),
                limit);
    }

    void markSent(List<OutboxRow> rows, Instant now) {
        jdbc.update("UPDATE outbox SET sent_at = ? WHERE id = ANY(?::uuid[])", now,
                rows.stream().map(r -> r.event().id()).toArray(String[]::new));
    }

    /** Sets a row aside for good; it keeps its payload for an operator to inspect. */
    void park(OutboxRow row, String reason, Instant now) {
        jdbc.update("UPDATE outbox SET parked_at = ?, park_reason = ? WHERE id = ?", now, reason,
                UUID.fromString(row.event().id()));
    }

    int purgeSentBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM outbox WHERE sent_at < ?", cutoff);
    }
}
