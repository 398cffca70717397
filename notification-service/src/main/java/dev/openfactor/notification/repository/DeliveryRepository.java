package dev.openfactor.notification.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The delivery log. Native SQL: claims need FOR UPDATE SKIP LOCKED and run in bulk. */
@ApplicationScoped
public class DeliveryRepository {

    private final EntityManager em;

    DeliveryRepository(EntityManager em) {
        this.em = em;
    }

    public record Claimed(String notificationId, String command, int attempts, Instant expiresAt) {
    }

    /** False if this notification id was seen before: the command is a redelivery and sends nothing. */
    public boolean receive(String notificationId, String tenantId, String userId, String channel, String command,
            Instant expiresAt, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO delivery (notification_id, tenant_id, user_id, channel, command, state, attempts, next_attempt_at,
                    expires_at, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?7, ?6) ON CONFLICT (notification_id) DO NOTHING""")
                .setParameter(1, notificationId).setParameter(2, tenantId).setParameter(3, userId).setParameter(4, channel)
                .setParameter(5, command).setParameter(6, now).setParameter(7, expiresAt)
                .executeUpdate() == 1;
    }

    /**
     * Takes up to {@code limit} due deliveries (new, retry due, or claimed by a sender that died)
     * and marks them SENDING until {@code leaseUntil}; other replicas skip the locked rows.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE delivery SET state = 'SENDING', claimed_until = ?2, attempts = attempts + 1
                WHERE notification_id IN (
                    SELECT notification_id FROM delivery
                    WHERE (state = 'PENDING' AND next_attempt_at <= ?1) OR (state = 'SENDING' AND claimed_until < ?1)
                    ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
                RETURNING notification_id, command, attempts, expires_at""")
                .setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Claimed((String) r[0], (String) r[1], ((Number) r[2]).intValue(), instant(r[3])))
                .toList();
    }

    public void finish(String notificationId, String state, String error, Instant now) {
        em.createNativeQuery("""
                UPDATE delivery SET state = ?2, last_error = ?3, finished_at = ?4, claimed_until = NULL
                WHERE notification_id = ?1""")
                .setParameter(1, notificationId).setParameter(2, state).setParameter(3, error).setParameter(4, now)
                .executeUpdate();
    }

    public void retryAt(String notificationId, Instant at, String error) {
        em.createNativeQuery("""
                UPDATE delivery SET state = 'PENDING', next_attempt_at = ?2, last_error = ?3, claimed_until = NULL
                WHERE notification_id = ?1""")
                .setParameter(1, notificationId).setParameter(2, at).setParameter(3, error)
                .executeUpdate();
    }

    public String state(String notificationId) {
        List<?> rows = em.createNativeQuery("SELECT state FROM delivery WHERE notification_id = ?1")
                .setParameter(1, notificationId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : ((java.time.OffsetDateTime) o).toInstant();
    }
}
