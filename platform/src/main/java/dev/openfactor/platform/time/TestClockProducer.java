package dev.openfactor.platform.time;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Clock of every service's tests: one {@link AdjustableClock} that tests inject to move time.
 * It lives here, not in a test-jar, because the services' tests index the platform's test classes
 * as a whole (probe application and all); the build profile keeps it out of a production build,
 * where {@link ClockProducer}'s default bean is the only Clock.
 */
@IfBuildProfile("test")
@Dependent
public class TestClockProducer {

    @Produces
    @Singleton
    static final AdjustableClock CLOCK = new AdjustableClock();
}
