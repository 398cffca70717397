package dev.openfactor.verification.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** A wrong code: 422 with the attempts left. The failure it records must commit, so services do not roll back on it. */
public class InvalidCodeException extends ProblemException {

    public InvalidCodeException(int remainingAttempts) {
        super(ProblemKind.UNPROCESSABLE, "invalid_code", "The code is not valid.");
        with("remainingAttempts", remainingAttempts);
    }
}
