package dev.openfactor.enrollment.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** Expired, used, or killed by too many wrong codes: the app must ask for a new activation. */
public class ActivationExpiredException extends ProblemException {

    public ActivationExpiredException() {
        super(ProblemKind.GONE, "activation_expired", "This activation is no longer valid; start a new one.");
    }
}
