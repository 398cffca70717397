package dev.openfactor.notification.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.notification.service.SandboxLog;
import dev.openfactor.platform.security.AdminTokenRequired;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What the sandbox channel recorded for one address, newest last. It shows codes in clear, so it
 * answers only the admin token, only while the sandbox is on, and the sandbox refuses to start
 * under the prod profile unless told otherwise ({@code SandboxProductionGuard}).
 */
@Path("/sandbox/v1/deliveries")
@AdminTokenRequired
@Tag(name = "sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    private final SandboxLog log;

    SandboxResource(SandboxLog log) {
        this.log = log;
    }

    public record SandboxDelivery(String notificationId, String channel, String address, String challengeId, JsonNode content,
            Instant deliveredAt) {
    }

    @GET
    @Operation(summary = "Deliveries the sandbox channel recorded for an address (push token or phone number)")
    public List<SandboxDelivery> byAddress(@QueryParam("address") @NotBlank String address) {
        return log.byAddress(address);
    }
}
