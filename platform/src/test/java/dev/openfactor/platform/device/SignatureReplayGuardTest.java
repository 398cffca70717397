package dev.openfactor.platform.device;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void signatureIsAcceptedOnceOnly() {
        String signature = "MEQCI" + UUID.randomUUID();

        assertTrue(guard.firstUse("dev_1", signature));
        assertFalse(guard.firstUse("dev_1", signature));
        assertFalse(guard.firstUse("dev_2", signature));
        assertTrue(guard.firstUse("dev_1", signature + "x"));
    }
}
