package dev.openfactor.enrollment.domain;

import java.time.Duration;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** Too many codes sent to this user or number lately; Retry-After says when the next may go. */
public class RateLimitedException extends ProblemException {

    public RateLimitedException(Duration retryAfter) {
        super(ProblemKind.RATE_LIMITED, "rate_limited", "Too many codes were sent recently; try again later.");
        retryAfter(retryAfter);
    }
}
