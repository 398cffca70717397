package dev.openfactor.enrollment.rest;

import java.io.IOException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.enrollment.service.DeviceService;
import dev.openfactor.platform.device.DeviceRequest;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.security.Unauthenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * The app's own device, signed with its key (API.md "Device signature"). The body is taken
 * raw because the signature covers its exact bytes.
 */
@Path("/v1/devices/{deviceId}")
@Tag(name = "app")
@Unauthenticated
public class DeviceResource {

    private final DeviceService service;
    private final ObjectMapper mapper;

    DeviceResource(DeviceService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    public record PushTokenUpdate(PushPlatform pushPlatform, String pushToken) {
        @Override
        public String toString() {
            return "PushTokenUpdate[" + pushPlatform + "]";
        }
    }

    @PUT
    @Path("push-token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate the app's push token (signed)")
    public void rotatePushToken(@PathParam("deviceId") String deviceId, byte[] body, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        DeviceRequest request = DeviceRequest.from("PUT", uri.getRequestUri(), headers, body);
        PushTokenUpdate update = parse(body);
        service.rotatePushToken(request, deviceId, update.pushPlatform(), update.pushToken());
    }

    @DELETE
    @Operation(summary = "The app unregisters itself (signed)")
    public void unregister(@PathParam("deviceId") String deviceId, @Context HttpHeaders headers, @Context UriInfo uri) {
        service.unregister(DeviceRequest.from("DELETE", uri.getRequestUri(), headers, new byte[0]), deviceId);
    }

    private PushTokenUpdate parse(byte[] body) {
        try {
            PushTokenUpdate update = mapper.readValue(body, PushTokenUpdate.class);
            if (update == null) {
                throw ProblemException.invalidField("", "a JSON object is required");
            }
            return update;
        } catch (IOException e) {
            throw ProblemException.invalidField("pushPlatform", "must be apns, fcm or none, with pushToken");
        }
    }
}
