package dev.openfactor.prompt.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.openfactor.prompt.oidc.OidcException;
import dev.openfactor.prompt.service.TokenExchange;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The token endpoint (RFC 6749 §3.2, OIDC Core §3.1.3): errors as {@code {error, error_description}}. */
@Path("/token")
public class TokenResource {

    private final TokenExchange exchange;

    TokenResource(TokenExchange exchange) {
        this.exchange = exchange;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> raw, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        try {
            Map<String, String> form = new HashMap<>();
            for (Map.Entry<String, List<String>> e : raw.entrySet()) {
                if (e.getValue().size() != 1) {
                    throw OidcException.invalidRequest("parameter " + e.getKey() + " is repeated");
                }
                form.put(e.getKey(), e.getValue().get(0));
            }
            return Response.ok(exchange.exchange(form, basic(authorization))).header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache").build();
        } catch (OidcException e) {
            int status = e.error.equals("invalid_client") ? 401 : 400;
            Response.ResponseBuilder r = Response.status(status).entity(Map.of("error", e.error, "error_description", e.getMessage()))
                    .header("Cache-Control", "no-store");
            if (status == 401) {
                r.header("WWW-Authenticate", "Basic realm=\"openfactor\"");
            }
            return r.build();
        }
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // RFC 6749 §2.3.1: both halves are form-urlencoded before Basic encoding.
            return Optional.of(new String[] {java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
