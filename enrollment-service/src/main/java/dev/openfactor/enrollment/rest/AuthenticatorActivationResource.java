package dev.openfactor.enrollment.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.openfactor.enrollment.domain.ActivationStatus;
import dev.openfactor.enrollment.factor.AuthenticatorEnroller;
import dev.openfactor.enrollment.factor.QrCodes;
import dev.openfactor.enrollment.service.ActivationService;
import dev.openfactor.platform.longpoll.LongPoll;
import dev.openfactor.platform.security.TenantContext;
import io.smallrye.mutiny.Uni;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Configure mobile app": the QR code / 9-digit code, and "Checking activation status". */
@Path("/v1/users/{userId}/authenticator-activations")
@Tag(name = "registration")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthenticatorActivationResource {

    private final ActivationService service;
    private final LongPoll longPoll;
    private final TenantContext tenant;

    AuthenticatorActivationResource(ActivationService service, LongPoll longPoll, TenantContext tenant) {
        this.service = service;
        this.longPoll = longPoll;
        this.tenant = tenant;
    }

    public record NewActivation(@Text(maxBytes = InputLimits.LABEL) String deviceLabel) {
    }

    public record ActivationView(String activationId, String activationCode, String activationUrl, String qrPayload,
            String qrPngBase64, Instant expiresAt, ActivationStatus status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusView(ActivationStatus status, String deviceId, String methodId, Instant expiresAt) {
        static StatusView of(ActivationService.State s) {
            return new StatusView(s.status(), s.deviceId(), s.methodId(), s.expiresAt());
        }
    }

    @POST
    @Operation(summary = "Start pairing the authenticator app: QR code, or 9-digit code + URL; 10 minutes, single use")
    public Response start(@PathParam("userId") String userId, @Valid NewActivation body) {
        AuthenticatorEnroller.Started s = service.start(tenant.tenantId(), userId, body == null ? null : body.deviceLabel());
        return Response.status(Response.Status.CREATED).entity(new ActivationView(s.activation().id(), s.groupedCode(),
                s.activationUrl(), s.qrPayload(), QrCodes.pngBase64(s.qrPayload()), s.activation().expiresAt(),
                ActivationStatus.WAITING)).build();
    }

    /**
     * With {@code waitSeconds}, answers as soon as the status leaves {@code waiting} (on any
     * replica) or when the wait or the activation runs out; no thread waits meanwhile.
     */
    @GET
    @Path("{activationId}")
    @Operation(summary = "Activation status; long-polls up to waitSeconds (≤ 30) for a change")
    public Uni<StatusView> status(@PathParam("userId") String userId, @PathParam("activationId") String activationId,
            @QueryParam("waitSeconds") @Min(0) @Max(30) Integer waitSeconds) {
        String tenantId = tenant.tenantId();
        return longPoll.await(ActivationService.changeKey(activationId), waitSeconds == null ? 0 : waitSeconds,
                () -> StatusView.of(service.status(tenantId, userId, activationId)),
                view -> view.status() != ActivationStatus.WAITING, StatusView::expiresAt);
    }
}
