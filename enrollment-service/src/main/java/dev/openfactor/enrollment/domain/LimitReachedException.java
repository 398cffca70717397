package dev.openfactor.enrollment.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** A user already holds as many of something as they may; 409 {@code limit_reached} with the {@code limit}. */
public class LimitReachedException extends ProblemException {

    public LimitReachedException(String what, int limit) {
        super(ProblemKind.CONFLICT, "limit_reached", "This user already holds the most " + what + " allowed (" + limit + ").");
        with("limit", limit);
    }
}
