package dev.openfactor.verification.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum ChallengeMethod {
    AUTO, PUSH, TOTP, SMS, VOICE, RECOVERY_CODE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ChallengeMethod of(String wire) {
        for (ChallengeMethod m : values()) {
            if (m.wireName().equals(wire)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method");
    }

    /** Methods answered by a code the user types. */
    public boolean takesCode() {
        return this == TOTP || this == SMS || this == VOICE || this == RECOVERY_CODE;
    }
}
