package dev.openfactor.enrollment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** pending (TOTP awaiting its first code), pending_verification (phone awaiting its code), active. */
public enum MethodStatus {
    PENDING, PENDING_VERIFICATION, ACTIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    /** The one transition: a pending method becomes active once its owner proves possession. */
    public MethodStatus activate() {
        if (this == ACTIVE) {
            throw new MethodStateException("method is already active");
        }
        return ACTIVE;
    }
}
