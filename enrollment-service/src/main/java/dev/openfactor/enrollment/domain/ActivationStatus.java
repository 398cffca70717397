package dev.openfactor.enrollment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the registration page sees while it polls "Checking activation status". */
public enum ActivationStatus {
    WAITING, ACTIVATED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
