package dev.openfactor.prompt.service;

import java.util.Optional;

/** A second factor a client may allow, with the {@code amr} value (RFC 8176) an id_token states for it. */
public enum Method {
    PUSH("push", "swk"),
    TOTP("totp", "otp"),
    SMS("sms", "sms"),
    VOICE("voice", "tel"),
    RECOVERY_CODE("recovery_code", "otp");

    public final String wire;
    public final String amr;

    Method(String wire, String amr) {
        this.wire = wire;
        this.amr = amr;
    }

    public static Optional<Method> of(String wire) {
        for (Method m : values()) {
            if (m.wire.equals(wire)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
