package dev.openfactor.enrollment.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** A transition the method's state machine does not allow. */
public class MethodStateException extends ProblemException {

    public MethodStateException(String detail) {
        super(ProblemKind.CONFLICT, "invalid_state", detail);
    }
}
