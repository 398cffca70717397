package dev.openfactor.verification.rest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.device.DeviceRequest;
import dev.openfactor.platform.device.DeviceSigned;
import dev.openfactor.platform.security.Unauthenticated;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.service.AppChallengeService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The phone app's pending sign-ins and its answers, signed with the device key (API.md). */
@Path("/v1/devices/{deviceId}/challenges")
@Tag(name = "app")
@Unauthenticated
@DeviceSigned
@Produces(MediaType.APPLICATION_JSON)
public class DeviceChallengeResource {

    private final AppChallengeService service;
    private final ObjectMapper mapper;

    DeviceChallengeResource(AppChallengeService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    public record PendingView(String challengeId, Instant expiresAt, Map<String, String> context, boolean numberMatchRequired) {
    }

    public record Answer(String decision, String numberMatch, String denyReason) {
        @Override
        public String toString() {
            return "Answer[" + decision + "]";
        }
    }

    @GET
    @Operation(summary = "Pending push sign-ins of this device's user (never the number)")
    public List<PendingView> pending(@PathParam("deviceId") String deviceId, @Context HttpHeaders headers, @Context UriInfo uri) {
        return service.pending(DeviceRequest.from("GET", uri.getRequestUri(), headers, new byte[0]), deviceId).stream()
                .map(c -> new PendingView(c.id(), c.expiresAt(), context(c), true)).toList();
    }

    @POST
    @Path("{challengeId}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (with the number shown on the sign-in page) or deny (not_me reports fraud)")
    public Map<String, String> respond(@PathParam("deviceId") String deviceId, @PathParam("challengeId") String challengeId,
            byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        DeviceRequest request = DeviceRequest.from("POST", uri.getRequestUri(), headers, body);
        Answer answer = parse(body);
        Challenge c = service.respond(request, deviceId, challengeId, answer.decision(), answer.numberMatch(), answer.denyReason());
        return Map.of("status", c.status(Instant.now()).wireName());
    }

    private Answer parse(byte[] body) {
        try {
            Answer a = mapper.readValue(body, Answer.class);
            return a == null ? new Answer(null, null, null) : a;
        } catch (IOException e) {
            return new Answer(null, null, null);
        }
    }

    private Map<String, String> context(Challenge c) {
        try {
            return c.context() == null ? Map.of() : mapper.readValue(c.context(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
