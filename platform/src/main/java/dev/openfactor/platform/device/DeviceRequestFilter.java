package dev.openfactor.platform.device;

import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.openfactor.platform.input.RequestParameterFilter;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemResponses;
import dev.openfactor.platform.security.ResourceAnnotations;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

/**
 * The cheap half of device authentication, before any database lookup: the three headers are
 * well formed, the device header names the device in the path, and every path and query parameter
 * passes the input rules. Any failure is the same 401 as a wrong signature (the resource's
 * {@link DeviceAuthenticator} check then does the rest).
 */
public class DeviceRequestFilter {

    private final DeviceRefusals refusals;

    DeviceRequestFilter(DeviceRefusals refusals) {
        this.refusals = refusals;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 50)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Optional<DeviceSigned> signed = ResourceAnnotations.find(resource, DeviceSigned.class);
        if (signed.isEmpty()) {
            return null;
        }
        String deviceHeader = request.getHeaderString(DeviceRequest.DEVICE_HEADER);
        boolean plausible = RequestParameterFilter.firstProblem(request.getUriInfo()).isEmpty()
                && DeviceSignatures.headersWellFormed(deviceHeader, request.getHeaderString(DeviceRequest.TIMESTAMP_HEADER),
                        request.getHeaderString(DeviceRequest.SIGNATURE_HEADER))
                && deviceHeader.equals(request.getUriInfo().getPathParameters()
                        .getFirst(signed.get().deviceIdParameter()));
        if (plausible) {
            return null;
        }
        refusals.refused(DeviceRefusals.Reason.MALFORMED_HEADER, deviceHeader);
        return ProblemResponses.of(ProblemException.unauthenticated());
    }

    /** True for a resource method (or class) marked {@link DeviceSigned}. */
    public static boolean appliesTo(ResourceInfo resource) {
        return ResourceAnnotations.present(resource, DeviceSigned.class);
    }
}
