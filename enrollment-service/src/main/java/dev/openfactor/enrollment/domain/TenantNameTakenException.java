package dev.openfactor.enrollment.domain;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;

public class TenantNameTakenException extends ProblemException {

    public TenantNameTakenException(String name) {
        super(ProblemKind.CONFLICT, "tenant_exists", "A tenant named '" + name + "' already exists.");
    }
}
