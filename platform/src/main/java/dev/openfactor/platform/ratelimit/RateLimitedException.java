package dev.openfactor.platform.ratelimit;

import java.time.Duration;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** 429 {@code rate_limited} with the Retry-After of the rule that refused. */
public class RateLimitedException extends ProblemException {

    private final String rule;

    public RateLimitedException(String rule, String detail, Duration retryAfter) {
        super(ProblemKind.RATE_LIMITED, "rate_limited", detail);
        this.rule = rule;
        retryAfter(retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter);
    }

    /** The name of the rule that refused. */
    public String rule() {
        return rule;
    }
}
