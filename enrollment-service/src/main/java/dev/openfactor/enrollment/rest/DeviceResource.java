package dev.openfactor.enrollment.rest;

import java.io.IOException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.enrollment.service.DeviceService;
import dev.openfactor.platform.device.DeviceRequest;
import dev.openfactor.platform.device.DeviceSigned;
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
@DeviceSigned
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
        // Parsed leniently: what is wrong with the body is said only after the signature is checked.
        PushTokenUpdate update = parse(body);
        service.rotatePushToken(request, deviceId, update.pushPlatform(), update.pushToken());
    }

    @DELETE
    @Operation(summary = "The app unregisters itself (signed)")
    public void unregister(@PathParam("deviceId") String deviceId, @Context HttpHeaders headers, @Context UriInfo uri) {
        service.unregister(DeviceRequest.from("DELETE", uri.getRequestUri(), headers, new byte[0]), deviceId);
    }

    /** An unreadable body reads as no platform, which the service refuses (400) once the caller is authenticated. */
    private PushTokenUpdate parse(byte[] body) {
        try {
            PushTokenUpdate update = mapper.readValue(body, PushTokenUpdate.class);
            return update == null ? new PushTokenUpdate(null, null) : update;
        } catch (IOException e) {
            return new PushTokenUpdate(null, null);
        }
    }
}
