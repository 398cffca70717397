package dev.openfactor.notification.domain;

/**
 * How a provider answered. Transient failures are retried with backoff; permanent ones are not,
 * and an address the provider says is dead is reported so enrollment can retire it.
 */
public record SendResult(Kind kind, String reason) {

    public enum Kind { SENT, TRANSIENT, PERMANENT, ADDRESS_INVALID }

    public static SendResult sent() {
        return new SendResult(Kind.SENT, null);
    }

    public static SendResult transientFailure(String reason) {
        return new SendResult(Kind.TRANSIENT, reason);
    }

    public static SendResult permanent(String reason) {
        return new SendResult(Kind.PERMANENT, reason);
    }

    public static SendResult addressInvalid(String reason) {
        return new SendResult(Kind.ADDRESS_INVALID, reason);
    }
}
