package dev.openfactor.verification.rest;

import static dev.openfactor.platform.testing.CrossOrigin.APP_ORIGIN;
import static dev.openfactor.platform.testing.CrossOrigin.HOSTILE_ORIGINS;
import static dev.openfactor.platform.testing.CrossOrigin.SIGNED_HEADERS;
import static dev.openfactor.platform.testing.CrossOrigin.assertApproved;
import static dev.openfactor.platform.testing.CrossOrigin.assertNoCorsHeaders;
import static dev.openfactor.platform.testing.CrossOrigin.assertReadableBy;
import static dev.openfactor.platform.testing.CrossOrigin.assertRefused;
import static dev.openfactor.platform.testing.CrossOrigin.preflight;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.CrossOrigin;
import dev.openfactor.platform.testing.PrometheusScrape;
import dev.openfactor.verification.testdata.AppUser;
import dev.openfactor.verification.testdata.SignInSuite;
import dev.openfactor.verification.testdata.SignInTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The web authenticator on its own origin reads and answers challenges; nothing else opens to browsers. */
@QuarkusTest
class AppCorsTest extends SignInSuite {

    private static final Map<String, String> UNAUTHORIZED = Map.of("status", "401", "code", "unauthorized");

    @Test
    void theAppOriginReadsPendingChallengesAndApproves() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        Response created = push(app);
        String challengeId = created.path("challengeId");
        String pendingPath = "/v1/devices/" + app.device().deviceId() + "/challenges";
        String responsePath = pendingPath + "/" + challengeId + "/response";

        assertApproved(preflight(pendingPath, APP_ORIGIN, "GET", "x-openfactor-device,x-openfactor-signature,"
                + "x-openfactor-timestamp"), APP_ORIGIN);
        assertApproved(preflight(responsePath, APP_ORIGIN, "POST", SIGNED_HEADERS), APP_ORIGIN);
        Response pending = app.device().signed("GET", pendingPath, "", Instant.now()).header("Origin", APP_ORIGIN).get(pendingPath);
        String approval = "{\"decision\":\"approve\",\"numberMatch\":\"" + created.path("numberMatch") + "\"}";
        Response approved = app.device().signed("POST", responsePath, approval, Instant.now()).header("Origin", APP_ORIGIN)
                .post(responsePath);

        assertEquals(200, pending.statusCode(), pending.asString());
        assertEquals(challengeId, pending.path("[0].challengeId"));
        assertReadableBy(pending, APP_ORIGIN);
        assertEquals("approved", approved.path("status"), approved.asString());
        assertReadableBy(approved, APP_ORIGIN);
    }

    @Test
    void errorAnswersOnAppPathsAreReadableSoTheAppSeesTheProblem() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String pendingPath = "/v1/devices/" + app.device().deviceId() + "/challenges";
        String unknownChallenge = pendingPath + "/" + UUID.randomUUID() + "/response";
        String approval = "{\"decision\":\"approve\",\"numberMatch\":\"42\"}";

        Response unsigned = CrossOrigin.from(APP_ORIGIN).get(pendingPath);
        Response stale = app.device().signed("GET", pendingPath, "", Instant.now().minusSeconds(600)).header("Origin", APP_ORIGIN)
                .get(pendingPath);
        Response notFound = app.device().signed("POST", unknownChallenge, approval, Instant.now()).header("Origin", APP_ORIGIN)
                .post(unknownChallenge);
        Response unknownPath = CrossOrigin.from(APP_ORIGIN).get("/v1/devices/" + app.device().deviceId() + "/no-such-thing");

        assertEquals(List.of(401, 401, 404), List.of(unsigned.statusCode(), stale.statusCode(), notFound.statusCode()));
        assertEquals(4, unknownPath.statusCode() / 100);
        for (Response r : List.of(unsigned, stale, notFound, unknownPath)) {
            assertEquals("application/problem+json", r.contentType().split(";")[0], r.asString());
            assertReadableBy(r, APP_ORIGIN);
        }
    }

    @Test
    void noOtherOriginIsApprovedOrGivenTheAnswer() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String pendingPath = "/v1/devices/" + app.device().deviceId() + "/challenges";

        Instant now = Instant.now();
        for (int i = 0; i < HOSTILE_ORIGINS.size(); i++) {
            String origin = HOSTILE_ORIGINS.get(i);
            assertRefused(preflight(pendingPath, origin, "GET", SIGNED_HEADERS));
            assertRefused(preflight(pendingPath + "/c-1/response", origin, "POST", SIGNED_HEADERS));
            // A timestamp of its own each time: the same signed content twice would be a replay.
            Response answer = app.device().signed("GET", pendingPath, "", now.minusSeconds(i)).header("Origin", origin)
                    .get(pendingPath);
            assertEquals(200, answer.statusCode(), origin);
            assertNoCorsHeaders(answer);
        }
    }

    @Test
    void aPreflightForOtherMethodsOrHeadersIsRefused() {
        String path = "/v1/devices/d-1/challenges";

        assertRefused(preflight(path, APP_ORIGIN, "PATCH", SIGNED_HEADERS));
        assertRefused(preflight(path, APP_ORIGIN, "GET", SIGNED_HEADERS + ",authorization"));
        assertRefused(preflight(path + "/c-1/response", APP_ORIGIN, "POST", "content-type,x-requested-with"));
    }

    @Test
    void nonAppPathsGiveBrowsersNothing() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String challengeId = push(app).path("challengeId");

        List<Response> answers = List.of(
                app.tenant().asFrontend().header("Origin", APP_ORIGIN).get("/v1/challenges/" + challengeId),
                app.tenant().asFrontend().header("Origin", APP_ORIGIN).body(Map.of("userId", app.userId(), "method", "push"))
                        .post("/v1/challenges"),
                CrossOrigin.from(APP_ORIGIN).post("/v1/users/" + app.userId() + "/unlock"),
                CrossOrigin.from(APP_ORIGIN).get("/admin/v1/tenants"),
                CrossOrigin.from(APP_ORIGIN).get("/q/health"),
                CrossOrigin.from(APP_ORIGIN).get("/v1/devices"),
                preflight("/v1/challenges", APP_ORIGIN, "POST", "authorization,content-type"),
                preflight("/v1/challenges/" + challengeId, APP_ORIGIN, "GET", "authorization"),
                preflight("/v1/users/" + app.userId() + "/unlock", APP_ORIGIN, "POST", "authorization"),
                preflight("/q/health", APP_ORIGIN, "GET", null),
                preflight("/v1/devices/x/../../challenges", APP_ORIGIN, "POST", "authorization,content-type"));
        for (Response r : answers) {
            assertNoCorsHeaders(r);
        }
        assertEquals(List.of(200, 201), List.of(answers.get(0).statusCode(), answers.get(1).statusCode()));
    }

    @Test
    void aPreflightNeverReachesAuthenticationOrTheDeviceSignatureChecks() {
        double deviceRefusals = deviceRefusals();
        double unauthorized = PrometheusScrape.value("openfactor_security_refusals_total", UNAUTHORIZED);

        for (int i = 0; i < 5; i++) {
            assertApproved(preflight("/v1/devices/d-" + i + "/challenges", APP_ORIGIN, "GET", SIGNED_HEADERS), APP_ORIGIN);
            assertApproved(preflight("/v1/devices/d-" + i + "/challenges/c/response", APP_ORIGIN, "POST", SIGNED_HEADERS),
                    APP_ORIGIN);
            assertRefused(preflight("/v1/devices/d-" + i + "/challenges", "null", "GET", SIGNED_HEADERS));
        }

        assertEquals(deviceRefusals, deviceRefusals());
        assertEquals(unauthorized, PrometheusScrape.value("openfactor_security_refusals_total", UNAUTHORIZED));
    }

    private static Response push(AppUser app) {
        return app.tenant().asFrontend().contentType(ContentType.JSON)
                .body(Map.of("userId", app.userId(), "method", "push", "context", Map.of("application", "Outlook")))
                .post("/v1/challenges").then().statusCode(201).extract().response();
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
