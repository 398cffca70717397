package dev.openfactor.verification.testdata;

import dev.openfactor.platform.testing.AdjustableClock;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's Clock in tests: one AdjustableClock that tests inject to move time. */
@Dependent
public class TestClock {

    @Produces
    @Singleton
    static final AdjustableClock CLOCK = new AdjustableClock();
}
