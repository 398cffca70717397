package dev.openfactor.enrollment.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

public enum RegistrationState {
    NOT_REQUIRED, REQUIRED, REGISTERED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    /** Registered once an active method can answer a sign-in by itself (recovery codes cannot). */
    public static RegistrationState of(MfaUser user, List<Method> methods) {
        boolean registered = methods.stream().anyMatch(m -> m.isActive() && m.type().isPrimary());
        if (registered) {
            return REGISTERED;
        }
        return user.mfaRequired() ? REQUIRED : NOT_REQUIRED;
    }
}
