package dev.openfactor.platform.security;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import dev.openfactor.platform.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Makes refusals visible: every 401, 423 and 429 is counted in {@code openfactor.security.refusals}
 * by status and problem code, and logged at INFO with the endpoint (class and method, never the
 * path's values), the problem code and the caller's address. Nothing secret reaches the line: no
 * header, token, code or signature is read here.
 */
public class SecurityRefusals {

    private static final Logger LOG = Logger.getLogger(SecurityRefusals.class);

    private final MeterRegistry meters;

    SecurityRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource,
            RoutingContext routing) {
        int status = response.getStatus();
        if (status != 401 && status != 423 && status != 429) {
            return;
        }
        String code = response.getEntity() instanceof Problem p && p.getCode() != null ? p.getCode() : "none";
        meters.counter("openfactor.security.refusals", "status", Integer.toString(status), "code", code).increment();
        LOG.infof("refused %d %s: %s %s from %s", status, code, request.getMethod(), endpoint(resource),
                RemoteAddress.of(routing));
    }

    private static String endpoint(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "(no resource)";
        }
        return resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
    }
}
