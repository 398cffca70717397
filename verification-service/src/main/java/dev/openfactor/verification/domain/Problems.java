package dev.openfactor.verification.domain;

import java.time.Duration;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;
import dev.openfactor.platform.ratelimit.RateLimitedException;

/** The sign-in failures a frontend must tell apart, each with its stable code. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException registrationRequired() {
        return new ProblemException(ProblemKind.CONFLICT, "registration_required",
                "The user has no registered sign-in method for this.");
    }

    public static UserLockedException locked(Duration retryAfter) {
        return new UserLockedException(retryAfter);
    }

    /** After "It wasn't me": push sign-ins refused until the cool-down ends. */
    public static RateLimitedException pushSuspended(Duration retryAfter) {
        return new RateLimitedException("push.fraud-cooldown", "Push sign-ins are suspended after a fraud report.", retryAfter);
    }
}
