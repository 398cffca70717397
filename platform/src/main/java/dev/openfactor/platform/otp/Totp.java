package dev.openfactor.platform.otp;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 parameters of one credential. {@link #matchingStep} finds which time step within
 * ±window a code belongs to; the caller then accepts it only if that step is newer than the
 * last accepted one (replay protection is the database's job, not this class's).
 */
public record Totp(OtpAlgorithm algorithm, int digits, int periodSeconds) {

    public Totp {
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("digits must be 6 or 8");
        }
        if (periodSeconds != 30 && periodSeconds != 60) {
            throw new IllegalArgumentException("period must be 30 or 60 seconds");
        }
    }

    public long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), periodSeconds);
    }

    public String codeAt(byte[] secret, Instant at) {
        return Hotp.generate(secret, step(at), digits, algorithm);
    }

    /** The step in [now - window, now + window] whose code equals {@code code}, newest first. */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now, int window) {
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        // Every candidate is computed, so the time taken does not reveal which step matched.
        for (long s = current - window; s <= current + window; s++) {
            if (Hotp.matches(Hotp.generate(secret, s, digits, algorithm), code)) {
                found = OptionalLong.of(s);
            }
        }
        return found;
    }
}
