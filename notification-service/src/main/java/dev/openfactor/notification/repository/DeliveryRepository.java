package dev.openfactor.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The delivery log, in plain SQL on the transaction's connection: claims need FOR UPDATE SKIP
 * LOCKED, every command passes through here three times, and no entity maps this table.
 */
@ApplicationScoped
public class DeliveryRepository {

    private final Jdbc jdbc;

    DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record Claimed(String notificationId, String command, int attempts, Instant expiresAt) {
    }

    /** A command as the intake records it: the fields it is found by, and the command itself. */
    public record Received(String notificationId, String tenantId, String userId, String channel, String command,
            Instant expiresAt) {
    }

    /**
     * Records the commands as pending deliveries in one statement; a notification id seen before
     * (a redelivered command, or twice in one batch) adds nothing. Returns how many are new.
     */
    public int receiveAll(List<Received> commands, Instant now) {
        if (commands.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                INSERT INTO delivery (notification_id, tenant_id, user_id, channel, command, state, attempts, next_attempt_at,
                    expires_at, received_at)
                SELECT c.id, c.tenant_id, c.user_id, c.channel, c.command, 'PENDING', 0, ?, c.expires_at::timestamptz, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS c(id, tenant_id, user_id, channel, command, expires_at)
                ON CONFLICT (notification_id) DO NOTHING""", now, now,
                column(commands, Received::notificationId), column(commands, Received::tenantId),
                column(commands, Received::userId), column(commands, Received::channel), column(commands, Received::command),
                column(commands, r -> r.expiresAt().toString()));
    }

    private static String[] column(List<Received> commands, Function<Received, String> field) {
        return commands.stream().map(field).toArray(String[]::new);
    }

    /**
     * Takes up to {@code limit} due deliveries (new, retry due, or claimed by a sender that died)
     * and marks them SENDING until {@code leaseUntil}; other replicas skip the locked rows.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.query("""
                UPDATE delivery SET state = 'SENDING', claimed_until = ?, attempts = attempts + 1
                WHERE notification_id IN (
                    SELECT notification_id FROM delivery
                    WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?)
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING notification_id, command, attempts, expires_at""",
                row -> new Claimed(row.getString(1), row.getString(2), row.getInt(3), Jdbc.instant(row, 4)),
                leaseUntil, now, now, limit);
    }

    /** How a delivery ended: its final state and, unless sent, why. */
    public record Finished(String notificationId, String state, String error) {
    }

    public void finishAll(List<Finished> finished, Instant now) {
        jdbc.batch("""
                UPDATE delivery SET state = ?, last_error = ?, finished_at = ?, claimed_until = NULL
                WHERE notification_id = ?""",
                finished.stream().map(f -> new Object[] {f.state(), f.error(), now, f.notificationId()}).toList());
    }

    public void retryAt(String notificationId, Instant at, String error) {
        jdbc.update("""
                UPDATE delivery SET state = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_until = NULL
                WHERE notification_id = ?""", at, error, notificationId);
    }
}
