package dev.openfactor.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * SQL for the {@code outbox} table. Every statement runs on the caller's connection, hence in
 * the same transaction as the business change.
 */
@ApplicationScoped
class OutboxStore {

    private final EntityManager em;
    private final Jdbc jdbc;

    OutboxStore(EntityManager em, Jdbc jdbc) {
        this.em = em;
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
    @SuppressWarnings("unchecked")
    List<OutboxRow> lockUnsent(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload
                FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(OutboxStore::toRow).toList();
    }

    void markSent(List<OutboxRow> rows, Instant now) {
        List<UUID> ids = rows.stream().map(r -> UUID.fromString(r.event().id())).toList();
        em.createNativeQuery("UPDATE outbox SET sent_at = ?1 WHERE id IN (?2)")
                .setParameter(1, now)
                .setParameter(2, ids)
                .executeUpdate();
    }

    /** Sets a row aside for good; it keeps its payload for an operator to inspect. */
    void park(OutboxRow row, String reason, Instant now) {
        em.createNativeQuery("UPDATE outbox SET parked_at = ?1, park_reason = ?2 WHERE id = ?3")
                .setParameter(1, now)
                .setParameter(2, reason)
                .setParameter(3, UUID.fromString(row.event().id()))
                .executeUpdate();
    }

    int purgeSentBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM outbox WHERE sent_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }

    long countUnsent() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL").getSingleResult())
                .longValue();
    }

    private static OutboxRow toRow(Object[] c) {
        CloudEvent event = new CloudEvent(c[0].toString(), (String) c[3], (String) c[4], (String) c[5],
                Timestamps.toInstant(c[6]), (String) c[7]);
        return new OutboxRow((String) c[1], (String) c[2], event);
    }
}
