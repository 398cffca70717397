package dev.openfactor.enrollment.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

public class InvalidCodeException extends ProblemException {

    public InvalidCodeException() {
        super(ProblemKind.UNPROCESSABLE, "invalid_code", "The code is not valid.");
    }
}
