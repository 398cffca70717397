package dev.openfactor.enrollment.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** API.md: a wrong activation code is 401 (the code is the app's only credential here). */
public class WrongActivationCodeException extends ProblemException {

    public WrongActivationCodeException() {
        super(ProblemKind.UNAUTHENTICATED, "invalid_code", "The activation code is not valid.");
    }
}
