package dev.openfactor.verification;

import dev.openfactor.platform.testing.ObservabilityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ObservabilityTest extends ObservabilityContract {
}
