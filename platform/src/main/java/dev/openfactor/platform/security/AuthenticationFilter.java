package dev.openfactor.platform.security;

import java.time.Duration;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.openfactor.platform.problem.ProblemResponses;
import dev.openfactor.platform.ratelimit.RateLimitedException;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code /admin/v1/**} and {@link AdminTokenRequired} resources need the admin token; {@code /v1/**}
 * needs a tenant's API key unless the resource is {@link Unauthenticated}. Every failure is the same 401;
 * an address that keeps failing the admin token gets 429 for a while ({@link AdminTokenThrottle}).
 */
public class AuthenticationFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final AdminToken adminToken;
    private final AdminTokenThrottle adminThrottle;

    AuthenticationFilter(ApiKeys apiKeys, AdminToken adminToken, AdminTokenThrottle adminThrottle) {
        this.apiKeys = apiKeys;
        this.adminToken = adminToken;
        this.adminThrottle = adminThrottle;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        if (isUnauthenticated(resource)) {
            return Uni.createFrom().nullItem();
        }
        Optional<String> credential = bearer(request);
        if (under(path, "/admin/v1") || ResourceAnnotations.present(resource, AdminTokenRequired.class)) {
            return Uni.createFrom().item(checkAdmin(credential, RemoteAddress.of(routing)));
        }
        if (!under(path, "/v1")) {
            return Uni.createFrom().nullItem();
        }
        if (credential.isEmpty()) {
            return Uni.createFrom().item(ProblemResponses.unauthenticated());
        }
        Uni<Response> check = Uni.createFrom().item(() -> bindTenant(credential.get(), routing));
        // Long-polling endpoints run on the event loop, where the database must not be called.
        return BlockingOperationControl.isBlockingAllowed() ? check : check.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A blocked address is refused before its token is even looked at: no guess is tested. */
    private Response checkAdmin(Optional<String> credential, String address) {
        Optional<Duration> blocked = adminThrottle.blockedFor(address);
        if (blocked.isPresent()) {
            return ProblemResponses.of(new RateLimitedException("admin-token", "Too many failed attempts; try again later.",
                    blocked.get()));
        }
        if (credential.filter(adminToken::matches).isPresent()) {
            return null;
        }
        adminThrottle.recordFailure(address);
        return ProblemResponses.unauthenticated();
    }

    private Response bindTenant(String presented, RoutingContext routing) {
        Optional<String> tenant = apiKeys.authenticate(presented);
        tenant.ifPresent(t -> TenantContext.bind(routing, t));
        return tenant.isPresent() ? null : ProblemResponses.unauthenticated();
    }

    private static boolean isUnauthenticated(ResourceInfo resource) {
        return ResourceAnnotations.present(resource, Unauthenticated.class);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim()).filter(s -> !s.isEmpty());
    }
}
