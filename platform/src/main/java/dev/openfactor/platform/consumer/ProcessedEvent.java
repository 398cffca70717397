package dev.openfactor.platform.consumer;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A row of {@code processed_event}, mapped so that operators' queries and tests can read it;
 * {@link ProcessedEventLog} writes it with {@code ON CONFLICT DO NOTHING}. Being an entity of
 * this module, it also gives every service a persistence unit from its first day.
 */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {

    @Id
    public String consumer;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** Composite key (consumer, event id). */
    public static class Key implements Serializable {
        public String consumer;
        public String eventId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(consumer, k.consumer)
                    && java.util.Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(consumer, eventId);
        }
    }
}
