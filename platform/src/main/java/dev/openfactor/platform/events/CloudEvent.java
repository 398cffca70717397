package dev.openfactor.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as OpenFactor carries it: the context attributes travel as Kafka
 * headers (binary mode) and {@code data} is the JSON payload, or {@code null} for a tombstone
 * on a compacted topic.
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, String data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    public boolean isTombstone() {
        return data == null;
    }
}
