package dev.openfactor.enrollment.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openfactor.enrollment.factor.QrCodes;
import dev.openfactor.enrollment.factor.TotpEnroller;
import dev.openfactor.enrollment.service.UserService;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.Text;
import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.security.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Registration API for login frontends ({@code Authorization: Bearer <api key>}). */
@Path("/v1/users/{userId}")
@Tag(name = "registration")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService service;
    private final TenantContext tenant;

    UserResource(UserService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    public record MfaRequirement(@NotNull Boolean required) {
    }

    public record DefaultMethod(@NotBlank @Text(maxBytes = InputLimits.ID) String methodId) {
    }

    public record NewTotpCredential(@Text(maxBytes = InputLimits.LABEL) String label, OtpAlgorithm algorithm,
            @Pattern(regexp = "6|8", message = "must be 6 or 8") String digits,
            @Pattern(regexp = "30|60", message = "must be 30 or 60") String period) {
    }

    public record TotpCredentialView(String methodId, String secret, String otpauthUri, String qrPngBase64, String status) {
    }

    public record Code(@NotBlank @Size(max = 16) @Text(maxBytes = InputLimits.CODE) String code) {
    }

    @PUT
    @Path("mfa-requirement")
    @Operation(summary = "Require MFA for a user (the user is created on first use)")
    public UserView requireMfa(@PathParam("userId") String userId, @NotNull @Valid MfaRequirement body) {
        return UserView.of(service.requireMfa(tenant.tenantId(), userId, body.required()));
    }

    @GET
    @Operation(summary = "A user's registration state and methods")
    public UserView get(@PathParam("userId") String userId) {
        return UserView.of(service.get(tenant.tenantId(), userId));
    }

    @DELETE
    @Operation(summary = "Forget the user and all their methods; their profile is tombstoned")
    public void deleteUser(@PathParam("userId") String userId) {
        service.deleteUser(tenant.tenantId(), userId);
    }

    @PUT
    @Path("default-method")
    public UserView setDefaultMethod(@PathParam("userId") String userId, @NotNull @Valid DefaultMethod body) {
        return UserView.of(service.setDefaultMethod(tenant.tenantId(), userId, body.methodId()));
    }

    @DELETE
    @Path("methods/{methodId}")
    public void deleteMethod(@PathParam("userId") String userId, @PathParam("methodId") String methodId) {
        service.deleteMethod(tenant.tenantId(), userId, methodId);
    }

    @POST
    @Path("totp-credentials")
    @Operation(summary = "Start a third-party TOTP credential; pending until confirmed by a first code")
    public Response startTotp(@PathParam("userId") String userId, @Valid NewTotpCredential body) {
        NewTotpCredential request = body == null ? new NewTotpCredential(null, null, null, null) : body;
        TotpEnroller.Started started = service.startTotp(tenant.tenantId(), userId,
                request.label() == null ? "Authenticator app" : request.label(),
                request.algorithm() == null ? OtpAlgorithm.SHA1 : request.algorithm(),
                request.digits() == null ? 6 : Integer.parseInt(request.digits()),
                request.period() == null ? 30 : Integer.parseInt(request.period()));
        return Response.status(Response.Status.CREATED).entity(new TotpCredentialView(started.method().id(),
                started.secretBase32(), started.otpauthUri(), QrCodes.pngBase64(started.otpauthUri()),
                started.method().status().wireName())).build();
    }

    @POST
    @Path("totp-credentials/{methodId}/confirm")
    public Map<String, String> confirmTotp(@PathParam("userId") String userId, @PathParam("methodId") String methodId,
            @NotNull @Valid Code body) {
        return Map.of("status", service.confirmTotp(tenant.tenantId(), userId, methodId, body.code()).status().wireName());
    }

    @POST
    @Path("recovery-codes")
    @Operation(summary = "Issue 10 recovery codes, replacing any earlier set; shown once")
    public Response issueRecoveryCodes(@PathParam("userId") String userId) {
        List<String> codes = service.issueRecoveryCodes(tenant.tenantId(), userId);
        return Response.status(Response.Status.CREATED).entity(Map.of("codes", codes)).build();
    }
}
