package dev.openfactor.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser calling a service from another origin, as the web authenticator does: the preflight it
 * sends and what it needs to see in the answers. {@link #APP_ORIGIN} is listed in each service's
 * {@code %test.openfactor.cors.app-origins}.
 */
public final class CrossOrigin {

    public static final String APP_ORIGIN = "https://app.openfactor.test";

    /** The headers a signed app request carries, as a browser lists them in a preflight. */
    public static final String SIGNED_HEADERS = "content-type,x-openfactor-device,x-openfactor-signature,x-openfactor-timestamp";

    /** Origins that must never be approved: look-alikes, a path, another scheme or port, the opaque null. */
    public static final List<String> HOSTILE_ORIGINS = List.of("null", "https://app.example.evil",
            "https://app.openfactor.test.evil", "https://evil.app.openfactor.test", APP_ORIGIN + "/", APP_ORIGIN + "/app",
            "http://app.openfactor.test", APP_ORIGIN + ":8443", "*", APP_ORIGIN + " https://app.example.evil");

    private CrossOrigin() {
    }

    public static RequestSpecification from(String origin) {
        return given().header("Origin", origin);
    }

    public static Response preflight(String path, String origin, String method, String requestHeaders) {
        RequestSpecification request = given().header("Origin", origin).header("Access-Control-Request-Method", method);
        if (requestHeaders != null) {
            request.header("Access-Control-Request-Headers", requestHeaders);
        }
        return request.options(path);
    }

    /** What a browser needs to send the request: 204, this origin, the methods and headers, no credentials. */
    public static void assertApproved(Response preflight, String origin) {
        assertEquals(204, preflight.statusCode(), preflight.asString());
        assertEquals(origin, preflight.header("Access-Control-Allow-Origin"));
        assertEquals("GET, POST, PUT, DELETE", preflight.header("Access-Control-Allow-Methods"));
        assertEquals("Content-Type, X-OpenFactor-Device, X-OpenFactor-Timestamp, X-OpenFactor-Signature",
                preflight.header("Access-Control-Allow-Headers"));
        assertEquals("600", preflight.header("Access-Control-Max-Age"));
        assertNull(preflight.header("Access-Control-Allow-Credentials"));
        assertVariesByOrigin(preflight);
    }

    /** A refused preflight on an app path: a problem, and nothing a browser would take as approval. */
    public static void assertRefused(Response preflight) {
        assertEquals(403, preflight.statusCode());
        assertEquals("cors_refused", preflight.path("code"));
        assertNoCorsHeaders(preflight);
    }

    /** An actual answer the app's script may read. */
    public static void assertReadableBy(Response answer, String origin) {
        assertEquals(origin, answer.header("Access-Control-Allow-Origin"), "status " + answer.statusCode());
        assertNull(answer.header("Access-Control-Allow-Credentials"));
        assertVariesByOrigin(answer);
    }

    public static void assertNoCorsHeaders(Response answer) {
        List<String> cors = answer.headers().asList().stream().map(h -> h.getName().toLowerCase(Locale.ROOT))
                .filter(name -> name.startsWith("access-control-")).toList();
        assertEquals(List.of(), cors, "status " + answer.statusCode());
    }

    private static void assertVariesByOrigin(Response answer) {
        String vary = String.join(",", answer.headers().getValues("Vary"));
        assertTrue(vary.toLowerCase(Locale.ROOT).contains("origin"), "Vary: " + vary);
    }
}
