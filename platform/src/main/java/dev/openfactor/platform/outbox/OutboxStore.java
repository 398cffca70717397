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

    /**
     * Rows as nine parallel text arrays, unnested: one statement however many rows, and the same
     * statement whether it stands alone or sits in the WITH of a caller's own ({@link Outbox.Staged}).
     */
    static final String INSERT_ROWS = """
            INSERT INTO outbox (id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload, created_at)
            SELECT r.id::uuid, r.topic, r.message_key, r.ce_type, r.ce_source, r.ce_subject, r.ce_time::timestamptz,
                r.payload, r.created_at::timestamptz
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS r(id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload, created_at)""";

    /** The hottest statement of every service (one per business transaction, whatever its events). */
    void insertAll(List<OutboxRow> rows, Instant now) {
        jdbc.update(INSERT_ROWS, columns(rows, now));
    }

    /** {@link #INSERT_ROWS}' nine parameters. */
    static Object[] columns(List<OutboxRow> rows, Instant now) {
        int n = rows.size();
        String[][] columns = new String[9][n];
        for (int i = 0; i < n; i++) {
            OutboxRow row = rows.get(i);
            CloudEvent e = row.event();
            String[] values = {e.id(), row.topic(), row.key(), e.type(), e.source(), e.subject(), e.time().toString(), e.data(),
                    now.toString()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        return columns;
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
