package dev.openfactor.platform.consumer;

import java.time.Instant;

import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The {@code processed_event} table: which consumer has applied which event id. */
@ApplicationScoped
class ProcessedEventLog {

    private final EntityManager em;
    private final Jdbc jdbc;

    ProcessedEventLog(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /**
     * Claims {@code eventId} for {@code consumer}; false if it was already applied. The primary
     * key makes a concurrent second claim wait for the first transaction, then find the row.
     */
    boolean claim(String consumer, String eventId, String eventType, Instant now) {
        return jdbc.update("""
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", consumer, eventId, eventType, now) == 1;
    }

    int purgeBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
