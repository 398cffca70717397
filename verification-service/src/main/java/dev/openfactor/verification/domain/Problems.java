package dev.openfactor.verification.domain;

import java.time.Duration;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

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

    public static ProblemException rateLimited(String detail, Duration retryAfter) {
        return new ProblemException(ProblemKind.RATE_LIMITED, "rate_limited", detail).retryAfter(retryAfter);
    }
}
