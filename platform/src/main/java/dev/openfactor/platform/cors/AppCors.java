package dev.openfactor.platform.cors;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.problem.Problem;
import dev.openfactor.platform.problem.ProblemKind;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets the web authenticator, served from its own origin, call the phone app's paths
 * ({@code /v1/activations/{ref}}, {@code /v1/devices/**}) and nothing else. A Vert.x filter, so it
 * answers a preflight before routing: a preflight never reaches authentication, the device-signature
 * checks or a 405. Origins are {@code openfactor.cors.app-origins}, matched exactly, never reflected
 * otherwise; no credentials (the app has no cookies). Actual answers carry the headers whatever their
 * status, so the app can read a problem+json 401 or 404.
 */
@ApplicationScoped
public class AppCors {

    /** Above Quarkus' own CORS filter (300): preflights end here before any other filter. */
    static final int PRIORITY = 310;
    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE";
    static final String ALLOWED_HEADERS = "Content-Type, X-OpenFactor-Device, X-OpenFactor-Timestamp, X-OpenFactor-Signature";
    static final String MAX_AGE_SECONDS = "600";
    /** The app reads how long to wait after a 429. */
    static final String EXPOSED_HEADERS = "Retry-After";

    private static final Pattern APP_PATH = Pattern.compile("/v1/activations/[^/]+|/v1/devices/.+");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final Set<String> HEADERS = Set.of("content-type", "x-openfactor-device", "x-openfactor-timestamp",
            "x-openfactor-signature");

    private final AppOrigins origins;
    private final String refusal;

    AppCors(AppCorsConfig config, ObjectMapper json) throws JsonProcessingException {
        this.origins = AppOrigins.of(config.appOrigins().orElse(List.of()));
        this.refusal = json.writeValueAsString(
                Problem.of(ProblemKind.FORBIDDEN, "cors_refused", "This cross-origin request is not allowed."));
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext rc) {
        if (!APP_PATH.matcher(rc.normalizedPath()).matches()) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        response.headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        Optional<String> origin = origin(rc);
        String requestedMethod = rc.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (rc.request().method() == HttpMethod.OPTIONS && requestedMethod != null) {
            answerPreflight(rc, origin, requestedMethod);
            return;
        }
        origin.ifPresent(o -> response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, o)
                .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS));
        rc.next();
    }

    private void answerPreflight(RoutingContext rc, Optional<String> origin, String requestedMethod) {
        HttpServerResponse response = rc.response();
        boolean approved = origin.isPresent() && METHODS.contains(requestedMethod)
                && headersAllowed(rc.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
        if (!approved) {
            response.setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(refusal);
            return;
        }
        response.setStatusCode(204)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get())
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
                .end();
    }

    /** One Origin header naming a listed origin; two headers, or one unlisted, match nothing. */
    private Optional<String> origin(RoutingContext rc) {
        List<String> all = rc.request().headers().getAll(HttpHeaders.ORIGIN);
        return all.size() == 1 ? origins.match(all.get(0)) : Optional.empty();
    }

    private static boolean headersAllowed(String requested) {
        if (requested == null || requested.isBlank()) {
            return true;
        }
        for (String name : requested.split(",")) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty() && !HEADERS.contains(trimmed)) {
                return false;
            }
        }
        return true;
    }
}
