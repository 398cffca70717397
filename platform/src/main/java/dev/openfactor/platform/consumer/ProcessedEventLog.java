package dev.openfactor.platform.consumer;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The {@code processed_event} table: which consumer has applied which event id. */
@ApplicationScoped
class ProcessedEventLog {

    private final EntityManager em;

    ProcessedEventLog(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims {@code eventId} for {@code consumer}; false if it was already applied. The primary
     * key makes a concurrent second claim wait for the first transaction, then find the row.
     */
    boolean claim(String consumer, String eventId, String eventType, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    int purgeBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
