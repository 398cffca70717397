package dev.openfactor.verification.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** The challenge has already ended (or is of a kind that cannot do this). */
public class ChallengeStateException extends ProblemException {

    public ChallengeStateException(String detail) {
        super(ProblemKind.CONFLICT, "invalid_state", detail);
    }
}
