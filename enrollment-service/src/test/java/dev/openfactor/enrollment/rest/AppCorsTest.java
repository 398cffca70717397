package dev.openfactor.enrollment.rest;

import static dev.openfactor.platform.testing.CrossOrigin.APP_ORIGIN;
import static dev.openfactor.platform.testing.CrossOrigin.HOSTILE_ORIGINS;
import static dev.openfactor.platform.testing.CrossOrigin.SIGNED_HEADERS;
import static dev.openfactor.platform.testing.CrossOrigin.assertApproved;
import static dev.openfactor.platform.testing.CrossOrigin.assertNoCorsHeaders;
import static dev.openfactor.platform.testing.CrossOrigin.assertReadableBy;
import static dev.openfactor.platform.testing.CrossOrigin.assertRefused;
import static dev.openfactor.platform.testing.CrossOrigin.preflight;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.CrossOrigin;
import dev.openfactor.platform.testing.PrometheusScrape;
import dev.openfactor.platform.testing.TestDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The web authenticator on its own origin calls the app paths; nothing else opens to browsers. */
@QuarkusTest
class AppCorsTest {

    private static final Map<String, String> UNAUTHORIZED = Map.of("status", "401", "code", "unauthorized");
    private static final String TOKEN_BODY = "{\"pushPlatform\":\"none\"}";

    @Test
    void theAppOriginActivatesAndReadsTheAnswer() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        String path = "/v1/activations/" + started.ref();

        assertApproved(preflight(path, APP_ORIGIN, "POST", "content-type"), APP_ORIGIN);
        Response activated = CrossOrigin.from(APP_ORIGIN).contentType(ContentType.JSON)
                .body(Activations.appRequest(started.code(), new TestDevice())).post(path);

        assertEquals(200, activated.statusCode(), activated.asString());
        assertReadableBy(activated, APP_ORIGIN);
    }

    @Test
    void theAppOriginReachesItsSignedDevicePaths() {
        TestDevice device = new TestDevice();
        Activations.pair(Tenants.create("Contoso"), Tenants.newUserId(), device);
        String tokenPath = "/v1/devices/" + device.deviceId() + "/push-token";
        String devicePath = "/v1/devices/" + device.deviceId();

        assertApproved(preflight(tokenPath, APP_ORIGIN, "PUT", SIGNED_HEADERS), APP_ORIGIN);
        assertApproved(preflight(devicePath, APP_ORIGIN, "DELETE", "x-openfactor-device,x-openfactor-timestamp,"
                + "x-openfactor-signature"), APP_ORIGIN);
        Response rotated = device.signed("PUT", tokenPath, TOKEN_BODY, Instant.now()).header("Origin", APP_ORIGIN).put(tokenPath);
        Response removed = device.signed("DELETE", devicePath, "", Instant.now()).header("Origin", APP_ORIGIN).delete(devicePath);

        assertEquals(204, rotated.statusCode(), rotated.asString());
        assertReadableBy(rotated, APP_ORIGIN);
        assertEquals(204, removed.statusCode(), removed.asString());
        assertReadableBy(removed, APP_ORIGIN);
    }

    @Test
    void errorAnswersOnAppPathsAreReadableSoTheAppSeesTheProblem() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        TestDevice device = new TestDevice();
        Activations.pair(tenant, Tenants.newUserId(), device);
        String tokenPath = "/v1/devices/" + device.deviceId() + "/push-token";

        Response wrongCode = CrossOrigin.from(APP_ORIGIN).contentType(ContentType.JSON)
                .body(Activations.appRequest(wrong(started.code()), new TestDevice())).post("/v1/activations/" + started.ref());
        Response invalid = CrossOrigin.from(APP_ORIGIN).contentType(ContentType.JSON).body("{\"activationCode\":\"x\"}")
                .post("/v1/activations/" + started.ref());
        Response unsigned = CrossOrigin.from(APP_ORIGIN).contentType(ContentType.JSON).body(TOKEN_BODY).put(tokenPath);
        Response noActivation = CrossOrigin.from(APP_ORIGIN).contentType(ContentType.JSON)
                .body(Activations.appRequest("123456789", new TestDevice())).post("/v1/activations/1");
        Response unknownPath = CrossOrigin.from(APP_ORIGIN).get("/v1/devices/" + device.deviceId() + "/no-such-thing");

        assertEquals(List.of(401, 400, 401, 404), List.of(wrongCode.statusCode(), invalid.statusCode(), unsigned.statusCode(),
                noActivation.statusCode()));
        assertEquals(4, unknownPath.statusCode() / 100);
        for (Response r : List.of(wrongCode, invalid, unsigned, noActivation, unknownPath)) {
            assertEquals("application/problem+json", r.contentType().split(";")[0], r.asString());
            assertReadableBy(r, APP_ORIGIN);
        }
    }

    @Test
    void noOtherOriginIsApprovedOrGivenTheAnswer() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        String path = "/v1/activations/" + started.ref();

        for (String origin : HOSTILE_ORIGINS) {
            assertRefused(preflight(path, origin, "POST", "content-type"));
            assertRefused(preflight("/v1/devices/d-1/push-token", origin, "PUT", SIGNED_HEADERS));
            Response answer = CrossOrigin.from(origin).contentType(ContentType.JSON)
                    .body(Activations.appRequest("123456789", new TestDevice())).post("/v1/activations/1");
            assertEquals(404, answer.statusCode(), origin);
            assertNoCorsHeaders(answer);
        }
        assertNoCorsHeaders(given().contentType(ContentType.JSON).body(Map.of()).post(path));
        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice())).then().statusCode(200);
    }

    @Test
    void aPreflightForOtherMethodsOrHeadersIsRefused() {
        String path = "/v1/devices/d-1/push-token";

        assertRefused(preflight(path, APP_ORIGIN, "PATCH", "content-type"));
        assertRefused(preflight(path, APP_ORIGIN, "put", "content-type"));
        assertRefused(preflight(path, APP_ORIGIN, "PUT", "content-type,authorization"));
        assertRefused(preflight(path, APP_ORIGIN, "PUT", "x-openfactor-device,cookie"));
        assertRefused(preflight("/v1/activations/12345", APP_ORIGIN, "POST", "x-api-key"));
    }

    @Test
    void nonAppPathsGiveBrowsersNothing() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        tenant.asFrontend().body(Map.of()).post("/v1/users/" + user + "/authenticator-activations").then().statusCode(201);

        List<Response> answers = List.of(
                tenant.asFrontend().header("Origin", APP_ORIGIN).get("/v1/users/" + user),
                CrossOrigin.from(APP_ORIGIN).get("/v1/users/" + user),
                CrossOrigin.from(APP_ORIGIN).auth().oauth2(Tenants.ADMIN_TOKEN).get("/admin/v1/tenants"),
                CrossOrigin.from(APP_ORIGIN).get("/q/health"),
                CrossOrigin.from(APP_ORIGIN).contentType(ContentType.JSON).body("{}").post("/v1/activations"),
                CrossOrigin.from(APP_ORIGIN).get("/v1/devices"),
                preflight("/v1/users/" + user, APP_ORIGIN, "GET", "authorization"),
                preflight("/v1/users/" + user + "/authenticator-activations", APP_ORIGIN, "POST", "content-type"),
                preflight("/admin/v1/tenants", APP_ORIGIN, "POST", "authorization,content-type"),
                preflight("/q/health", APP_ORIGIN, "GET", null),
                preflight("/v1/activations/12345/../../users/" + user, APP_ORIGIN, "GET", null));
        for (Response r : answers) {
            assertNoCorsHeaders(r);
        }
        assertEquals(200, answers.get(0).statusCode());
    }

    @Test
    void aPreflightNeverReachesAuthenticationOrTheDeviceSignatureChecks() {
        double deviceRefusals = deviceRefusals();
        double unauthorized = PrometheusScrape.value("openfactor_security_refusals_total", UNAUTHORIZED);

        for (int i = 0; i < 5; i++) {
            assertApproved(preflight("/v1/devices/d-" + i + "/push-token", APP_ORIGIN, "PUT", SIGNED_HEADERS), APP_ORIGIN);
            assertApproved(preflight("/v1/devices/d-" + i, APP_ORIGIN, "DELETE", SIGNED_HEADERS), APP_ORIGIN);
            assertRefused(preflight("/v1/devices/d-" + i, "https://app.example.evil", "DELETE", SIGNED_HEADERS));
        }

        assertEquals(deviceRefusals, deviceRefusals());
        assertEquals(unauthorized, PrometheusScrape.value("openfactor_security_refusals_total", UNAUTHORIZED));
    }

    /** The same nine digits but the last, so the code is surely wrong. */
    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private static double deviceRefusals() {
        double total = 0;
        for (String reason : List.of("missing_header", "malformed_header", "device_mismatch", "unknown_device",
                "stale_timestamp", "bad_signature", "replayed")) {
            total += PrometheusScrape.value("openfactor_security_device_refusals_total", Map.of("reason", reason));
        }
        return total;
    }
}
