package dev.openfactor.platform.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Base of every failure a caller may see: a kind (which becomes the status), a stable
 * machine-readable {@code code}, a human-readable detail, and optional extra members such as
 * {@code remainingAttempts}. The detail must never contain a secret or a submitted code.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Duration retryAfter;

    public ProblemException(ProblemKind kind, String code, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Adds a member to the problem body, e.g. {@code remainingAttempts}. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Sets the Retry-After header of a 429 or 503. */
    public ProblemException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** The same body as every other authentication failure: it says nothing of what was wrong. */
    public static ProblemException unauthenticated() {
        return new ProblemException(ProblemKind.UNAUTHENTICATED, "unauthorized", "Authentication required.");
    }

    /** A 400 naming one offending field, shaped like the bean-validation failures. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemKind.INVALID, "validation_failed", "Some fields are invalid.")
                .with("errors", java.util.List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemKind.NOT_FOUND, "not_found", what + " not found");
    }
}
