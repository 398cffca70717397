package dev.openfactor.platform.consumer;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code processed_event} table: which consumer has applied which event id. */
@ApplicationScoped
class ProcessedEventLog {

    private final Jdbc jdbc;

    ProcessedEventLog(Jdbc jdbc) {
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

    /**
     * Claims a whole batch in one statement; returns the ids newly claimed (an id twice in the
     * batch is claimed once). Concurrent claims of the same id wait for each other as above.
     */
    Set<String> claimAll(String consumer, List<CloudEvent> events, Instant now) {
        String[] ids = events.stream().map(CloudEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(CloudEvent::type).toArray(String[]::new);
        return new HashSet<>(jdbc.query("""
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                SELECT ?::text, e.id, e.type, ?::timestamptz FROM unnest(?::text[], ?::text[]) AS e(id, type)
                ON CONFLICT DO NOTHING RETURNING event_id""", row -> row.getString(1), consumer, now, ids, types));
    }

    /**
     * Deletes at most {@code limit} rows older than {@code cutoff}. Rows another replica's purge
     * holds are skipped, not awaited; the oldest go first through the {@code processed_at} index.
     */
    int purgeBatchBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM processed_event WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM processed_event WHERE processed_at < ? ORDER BY processed_at LIMIT ?
                    FOR UPDATE SKIP LOCKED))""", cutoff, limit);
    }
}
