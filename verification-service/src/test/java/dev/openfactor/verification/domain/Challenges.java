package dev.openfactor.verification.domain;

import java.time.Duration;
import java.time.Instant;

import dev.openfactor.platform.otp.HashedCode;

/** Small builders of challenges in a known state, for the state-machine tests (no database). */
final class Challenges {

    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private Challenges() {
    }

    static Challenge push(String number) {
        return Challenge.openPush("tenant", "user", "{}", number, T0, T0.plus(LIFETIME));
    }

    static Challenge sms(String code, int attempts) {
        return Challenge.openSentCode("tenant", "user", ChallengeMethod.SMS, "phone-1", "{}", HashedCode.of(code), T0,
                T0.plus(LIFETIME), attempts);
    }

    static Challenge totp() {
        return Challenge.openTypedCode("tenant", "user", ChallengeMethod.TOTP, "totp-1", "{}", T0, T0.plus(LIFETIME));
    }

    static Challenge recovery() {
        return Challenge.openTypedCode("tenant", "user", ChallengeMethod.RECOVERY_CODE, "rc-1", "{}", T0, T0.plus(LIFETIME));
    }

    static Instant during() {
        return T0.plusSeconds(30);
    }

    static Instant after() {
        return T0.plus(LIFETIME);
    }
}
