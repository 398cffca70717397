package dev.openfactor.verification.domain;

import java.time.Duration;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

/** 423: too many failures. Thrown after the failure that caused it is recorded, which must commit. */
public class UserLockedException extends ProblemException {

    public UserLockedException(Duration retryAfter) {
        super(ProblemKind.LOCKED, "user_locked", "Too many failed attempts; the user is locked.");
        retryAfter(retryAfter);
    }
}
