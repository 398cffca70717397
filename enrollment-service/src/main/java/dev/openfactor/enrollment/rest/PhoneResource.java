package dev.openfactor.enrollment.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openfactor.enrollment.domain.PhoneType;
import dev.openfactor.enrollment.service.PhoneService;
import dev.openfactor.platform.input.InputLimits;
import dev.openfactor.platform.input.Text;
import dev.openfactor.platform.security.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Phones: mobile verified by SMS, alternate mobile and office (with extension) by voice call. */
@Path("/v1/users/{userId}/phones")
@Tag(name = "registration")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PhoneResource {

    private final PhoneService service;
    private final TenantContext tenant;

    PhoneResource(PhoneService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    public record NewPhone(@NotNull PhoneType type, @NotBlank @Text(maxBytes = InputLimits.PHONE_NUMBER) String number,
            @Size(max = 10) @Text(maxBytes = InputLimits.PHONE_EXTENSION) String extension) {
    }

    public record PendingPhoneView(String methodId, String status, String verificationChannel, String number) {
        static PendingPhoneView of(PhoneService.Pending p) {
            return new PendingPhoneView(p.method().id(), p.method().status().wireName(), p.phone().channel().wireName(),
                    p.phone().number());
        }
    }

    @POST
    @Operation(summary = "Add a phone; a 6-digit code is sent to it (SMS for mobile, voice otherwise)")
    public Response add(@PathParam("userId") String userId, @NotNull @Valid NewPhone body) {
        PhoneService.Pending pending = service.add(tenant.tenantId(), userId, body.type(), body.number(), body.extension());
        return Response.status(Response.Status.CREATED).entity(PendingPhoneView.of(pending)).build();
    }

    @POST
    @Path("{methodId}/resend")
    @Operation(summary = "Send a new code (the earlier one stops working); rate-limited like the first")
    public Response resend(@PathParam("userId") String userId, @PathParam("methodId") String methodId) {
        return Response.accepted(PendingPhoneView.of(service.resend(tenant.tenantId(), userId, methodId))).build();
    }

    @POST
    @Path("{methodId}/confirm")
    @Operation(summary = "Confirm the phone with the code it received; 3 attempts, 5 minutes")
    public Map<String, String> confirm(@PathParam("userId") String userId, @PathParam("methodId") String methodId,
            @NotNull @Valid UserResource.Code body) {
        return Map.of("status", service.confirm(tenant.tenantId(), userId, methodId, body.code()).status().wireName());
    }
}
