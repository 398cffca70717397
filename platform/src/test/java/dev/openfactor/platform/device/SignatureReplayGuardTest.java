package dev.openfactor.platform.device;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.PrivateKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class SignatureReplayGuardTest {

    @Inject
    SignatureReplayGuard guard;

    @Inject
    Clock clock;

    @Test
    void signatureIsAcceptedOnceOnly() {
        String signature = "MEQCI" + UUID.randomUUID();

        assertTrue(guard.firstUse("dev_1", signature));
        assertFalse(guard.firstUse("dev_1", signature));
        assertFalse(guard.firstUse("dev_2", signature));
        assertTrue(guard.firstUse("dev_1", signature + "x"));
    }

    @Test
    void aSignatureIsForgottenOnlyOnceItsTimestampCanNoLongerPass() {
        String signature = "MEQCI" + UUID.randomUUID();
        Instant seen = clock.instant();
        Duration remembered = DeviceSignatures.WINDOW.multipliedBy(2);
        assertTrue(guard.firstUse("dev_1", signature));

        guard.forgetExpired(seen.plus(remembered).minusSeconds(5));
        assertFalse(guard.firstUse("dev_1", signature), "inside twice the window the signature is still a replay");

        guard.forgetExpired(seen.plus(remembered).plusSeconds(5));
        assertTrue(guard.firstUse("dev_1", signature), "past it the row is gone (the timestamp check refuses it first)");
    }
}
