package dev.openfactor.platform.probe;

import dev.openfactor.platform.testing.AdjustableClock;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The platform test application's Clock: one AdjustableClock that tests inject to move time. */
@Dependent
public class ProbeClock {

    @Produces
    @Singleton
    static final AdjustableClock CLOCK = new AdjustableClock();
}
