package dev.openfactor.platform.outbox;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a row the broker will never take from a failure that passes. Only errors about the
 * record itself count: the same row would fail the same way on every attempt. Anything about
 * the broker, the network or permissions (an ACL an operator can fix) stays transient, so a
 * misconfiguration delays events instead of setting them all aside.
 */
final class PermanentFailures {

    private static final Set<Class<? extends Throwable>> PERMANENT = Set.of(
            RecordTooLargeException.class, RecordBatchTooLargeException.class, InvalidRecordException.class,
            InvalidTopicException.class, SerializationException.class);
    private static final int MAX_REASON = 500;

    private PermanentFailures() {
    }

    /** Why the row can never be published, or empty if it may succeed later. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable cause = t;
            if (PERMANENT.stream().anyMatch(c -> c.isInstance(cause))) {
                return Optional.of(describe(cause));
            }
        }
        return Optional.empty();
    }

    /** Kafka's messages for these errors name sizes and topics, never the payload. */
    private static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    /** A short, bounded metric tag: the exception's simple name. */
    static String kind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
