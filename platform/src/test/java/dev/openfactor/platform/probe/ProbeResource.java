package dev.openfactor.platform.probe;

import java.util.Map;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemKind;
import dev.openfactor.platform.security.TenantContext;
import dev.openfactor.platform.security.Unauthenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Endpoints that exist only in the platform's tests, to exercise filters and mappers. */
@Path("/")
public class ProbeResource {

    private final TenantContext tenant;

    public ProbeResource(TenantContext tenant) {
        this.tenant = tenant;
    }

    public enum Color { RED, GREEN }

    public record Thing(@NotBlank String name, @NotNull @Valid Phone phone, Color color) {
    }

    public record Phone(@Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be E.164") String number) {
    }

    @GET
    @Path("v1/whoami")
    public Map<String, String> whoami() {
        return Map.of("tenantId", tenant.tenantId());
    }

    @GET
    @Path("v1/whoami-async")
    public Uni<Map<String, String>> whoamiAsync() {
        return Uni.createFrom().item(Map.of("tenantId", tenant.tenantId()));
    }

    @GET
    @Path("v1/open")
    @Unauthenticated
    public Map<String, String> open() {
        return Map.of("open", "yes");
    }

    @GET
    @Path("admin/v1/ping")
    public Map<String, String> adminPing() {
        return Map.of("admin", "yes");
    }

    @POST
    @Path("v1/open/things")
    @Unauthenticated
    public Thing create(@NotNull @Valid Thing thing) {
        return thing;
    }

    @GET
    @Path("v1/open/wait")
    @Unauthenticated
    public Map<String, Integer> waitFor(@QueryParam("waitSeconds") @Max(30) Integer waitSeconds) {
        return Map.of("waitSeconds", waitSeconds == null ? 0 : waitSeconds);
    }

    @GET
    @Path("v1/open/conflict")
    @Unauthenticated
    public String conflict() {
        throw new ProblemException(ProblemKind.RATE_LIMITED, "rate_limited", "Too many codes sent.")
                .retryAfter(java.time.Duration.ofSeconds(42))
                .with("remainingAttempts", 0);
    }

    @GET
    @Path("v1/open/locked")
    @Unauthenticated
    public String locked() {
        throw new ProblemException(ProblemKind.LOCKED, "user_locked", "Too many failed attempts.");
    }

    @GET
    @Path("v1/open/boom")
    @Unauthenticated
    public String boom() {
        throw new IllegalStateException("secret-detail-that-must-not-leak");
    }
}
