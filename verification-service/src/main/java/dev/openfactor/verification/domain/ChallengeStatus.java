package dev.openfactor.verification.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** A challenge is pending until one decision ends it; the ended states are final. */
public enum ChallengeStatus {
    PENDING, APPROVED, DENIED, EXPIRED, CANCELLED, FRAUD_REPORTED, LOCKED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    public boolean isFinal() {
        return this != PENDING;
    }
}
