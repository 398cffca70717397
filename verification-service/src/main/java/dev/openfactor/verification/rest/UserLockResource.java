package dev.openfactor.verification.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openfactor.platform.security.TenantContext;
import dev.openfactor.verification.service.GuardService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/v1/users/{userId}/unlock")
@Tag(name = "sign-in")
public class UserLockResource {

    private final GuardService guards;
    private final TenantContext tenant;

    UserLockResource(GuardService guards, TenantContext tenant) {
        this.guards = guards;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Lift a lockout (the help desk's unlock); the failure count starts again")
    public void unlock(@PathParam("userId") String userId) {
        guards.unlock(tenant.tenantId(), userId);
    }
}
