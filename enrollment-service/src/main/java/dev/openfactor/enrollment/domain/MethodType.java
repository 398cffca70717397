package dev.openfactor.enrollment.domain;

import com.fasterxml.jackson.annotation.JsonValue;

public enum MethodType {
    AUTHENTICATOR_APP, TOTP, PHONE, RECOVERY_CODES;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    /** Methods that can answer a sign-in by themselves make a user "registered". */
    public boolean isPrimary() {
        return this != RECOVERY_CODES;
    }
}
