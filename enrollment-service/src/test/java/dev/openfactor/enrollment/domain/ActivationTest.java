package dev.openfactor.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.domain.Activation.Presented;
import dev.openfactor.platform.otp.HashedCode;

/** An activation's state machine on its own: waiting → activated, or expired by time or by wrong codes. */
class ActivationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int MAX_WRONG = 3;
    private static final String CODE = "482913";
    private static final MfaUser USER = MfaUser.create("tenant-1", "adele", NOW);

    private static Activation waiting() {
        HashedCode hashed = HashedCode.of(CODE);
        return Activation.start(USER, "123456789", hashed.salt(), hashed.hash(), null, NOW, LIFETIME);
    }

    private static Device device() {
        Method method = Method.create(USER, MethodType.AUTHENTICATOR_APP, "Phone", MethodStatus.ACTIVE, NOW);
        return Device.pair(USER, method, "key", PushPlatform.APNS, "token", "Phone", "1.0", NOW);
    }

    @Test
    void theRightCodeIsAcceptedAndCompletingActivatesOnce() {
        Activation a = waiting();

        assertEquals(Presented.ACCEPTED, a.present(CODE, NOW.plusSeconds(30), MAX_WRONG));
        Device device = device();
        a.complete(device);

        assertEquals(ActivationStatus.ACTIVATED, a.status(NOW.plusSeconds(31), MAX_WRONG));
        assertEquals(device.id(), a.deviceId());
        assertEquals(device.methodId(), a.methodId());
        assertEquals(Presented.NO_LONGER_VALID, a.present(CODE, NOW.plusSeconds(32), MAX_WRONG), "a used pairing is spent");
        assertThrows(ActivationExpiredException.class, () -> a.complete(device()));
    }

    @Test
    void wrongCodesCountAndTheLastAllowedOneEndsIt() {
        Activation a = waiting();

        assertEquals(Presented.WRONG_CODE, a.present("000000", NOW, MAX_WRONG));
        assertEquals(Presented.WRONG_CODE, a.present(null, NOW, MAX_WRONG));
        assertEquals(ActivationStatus.WAITING, a.status(NOW, MAX_WRONG));
        assertEquals(Presented.WRONG_CODE_NOW_DEAD, a.present("482914", NOW, MAX_WRONG));

        assertEquals(ActivationStatus.EXPIRED, a.status(NOW, MAX_WRONG));
        assertEquals(Presented.NO_LONGER_VALID, a.present(CODE, NOW, MAX_WRONG), "the right code after the end is not even checked");
    }

    @Test
    void itExpiresAtTheEndOfItsLifetimeNotBefore() {
        Activation a = waiting();

        assertEquals(ActivationStatus.WAITING, a.status(NOW.plus(LIFETIME).minusMillis(1), MAX_WRONG));
        assertEquals(ActivationStatus.EXPIRED, a.status(NOW.plus(LIFETIME), MAX_WRONG));
        assertEquals(Presented.NO_LONGER_VALID, a.present(CODE, NOW.plus(LIFETIME), MAX_WRONG));
        assertEquals(NOW.plus(LIFETIME), a.expiresAt());
    }

    @Test
    void aCodeTypedWithSpacesStillMatches() {
        assertEquals(Presented.ACCEPTED, waiting().present("482 913", NOW, MAX_WRONG));
    }
}
