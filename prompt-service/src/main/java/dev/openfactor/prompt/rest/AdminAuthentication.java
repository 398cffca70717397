package dev.openfactor.prompt.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.openfactor.prompt.config.AdminConfig;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /admin/v1/**} needs the admin token; the comparison takes the same time whatever is wrong. */
public class AdminAuthentication {

    private final byte[] token;

    AdminAuthentication(AdminConfig config) {
        this.token = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/admin/v1") && !path.startsWith("/admin/v1/")) {
            return null;
        }
        String presented = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Problems.response(401, "unauthenticated", "Authentication required", "Missing or invalid credentials.");
    }
}
