package dev.openfactor.verification.testdata;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;

import dev.openfactor.platform.security.ApiKeys;
import dev.openfactor.platform.time.AdjustableClock;
import dev.openfactor.verification.repository.ProfileRepository;
import jakarta.inject.Inject;

/**
 * What every sign-in test of this service starts from: the real API-key store (to make tenants),
 * the projection (to wait for a published profile), the broker, and the test clock, put back after
 * each test.
 */
public abstract class SignInSuite {

    @Inject
    protected ApiKeys apiKeys;

    @Inject
    protected ProfileRepository profiles;

    @Inject
    protected AdjustableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String kafka;

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
