package dev.openfactor.enrollment.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.EventCatalogue;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.IndependentTotp;
import dev.openfactor.platform.testing.Race;
import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.platform.testing.TopicReader;
import dev.openfactor.platform.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
class AuthenticatorActivationTest {

    /** %test.openfactor.webpush.vapid-public-key: a P-256 point whose private key was never kept. */
    private static final String TEST_VAPID_PUBLIC_KEY =
            "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AdjustableClock clock;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void activationShowsGroupedCodeUrlOnThePublicBaseAndQrPayload() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        JsonPath body = started.body();

        assertTrue(body.getString("activationCode").matches("[0-9]{3} [0-9]{3} [0-9]{3}"));
        assertTrue(started.activationUrl().matches("https://mfa\\.contoso\\.example/v1/activations/[0-9]{12}"),
                started.activationUrl());
        assertEquals("openfactor://activate?code=" + started.code() + "&url="
                + URLEncoder.encode(started.activationUrl(), StandardCharsets.UTF_8), body.getString("qrPayload"));
        byte[] png = Base64.getDecoder().decode(body.getString("qrPngBase64"));
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        assertEquals("waiting", body.getString("status"));
        Instant expiresAt = Instant.parse(body.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(9))) && expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(11))));
    }

    @Test
    void appActivatesWithTheCodeAndGetsPushAndACodeGenerator() {
        TestTenant tenant = Tenants.create("Contoso Ltd");
        String user = Tenants.newUserId();
        tenant.asFrontend().body(Map.of("required", true)).put(userPath(user, "/mfa-requirement")).then().statusCode(200);
        Activations.Started started = Activations.start(tenant, user);
        TestDevice device = new TestDevice();

        JsonPath result = Activations.activate(started.ref(), Activations.appRequest(started.code(), device))
                .then().statusCode(200)
                .body("tenant.displayName", equalTo("Contoso Ltd"))
                .body("tenant.name", notNullValue())
                .body("userId", equalTo(user))
                .body("totp.algorithm", equalTo("SHA1"))
                .body("totp.digits", equalTo(6))
                .body("totp.period", equalTo(30))
                .body("totp.secret", matchesPattern("[A-Z2-7]{32}"))
                .body("pollIntervalSeconds", equalTo(30))
                // Where the app goes next and its Web Push key, from %test configuration.
                .body("enrollmentUrl", equalTo("https://mfa.contoso.example"))
                .body("verificationUrl", equalTo("https://mfa-verify.contoso.example"))
                .body("vapidPublicKey", equalTo(TEST_VAPID_PUBLIC_KEY))
                .extract().jsonPath();
        byte[] vapidPoint = Base64.getUrlDecoder().decode(result.getString("vapidPublicKey"));
        assertEquals(65, vapidPoint.length);
        assertEquals(0x04, vapidPoint[0]);
        String deviceId = result.getString("deviceId");
        String methodId = result.getString("methodId");

        tenant.asFrontend().get(userPath(user, "/authenticator-activations/" + started.activationId()))
                .then().statusCode(200).body("status", equalTo("activated"))
                .body("deviceId", equalTo(deviceId)).body("methodId", equalTo(methodId));
        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                .body("registrationState", equalTo("registered"))
                .body("defaultMethodId", equalTo(methodId))
                .body("methods[0].type", equalTo("authenticator_app"))
                .body("methods[0].deviceId", equalTo(deviceId))
                .body("methods[0].pushPlatform", equalTo("apns"));

        String secret = result.getString("totp.secret");
        JsonNode snapshot = latestSnapshot(tenant, user);
        JsonNode method = snapshot.get("methods").get(0);
        assertEquals(device.publicKeyBase64(), method.get("device").get("publicKey").asText());
        assertEquals("apns", method.get("device").get("pushPlatform").asText());
        assertTrue(method.get("device").get("pushTokenValid").asBoolean());
        assertEquals("t1", method.get("totp").get("secret").get("kid").asText());
        assertFalse(snapshot.toString().contains(secret), "the TOTP secret must travel only sealed");
        assertEquals(6, IndependentTotp.code(secret, "SHA1", 6, 30, Instant.now().getEpochSecond()).length());
    }

    @Test
    void statusLongPollWakesWhenTheAppActivates() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        Activations.Started started = Activations.start(tenant, user);
        long begin = System.nanoTime();
        CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> tenant.asFrontend()
                .get(userPath(user, "/authenticator-activations/" + started.activationId() + "?waitSeconds=25"))
                .then().statusCode(200).extract().jsonPath());
        Thread.sleep(500);
        assertFalse(waiting.isDone(), "the poll must wait while the activation is waiting");

        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice())).then().statusCode(200);

        JsonPath answer = waiting.get(20, TimeUnit.SECONDS);
        assertEquals("activated", answer.getString("status"));
        assertTrue(Duration.ofNanos(System.nanoTime() - begin).toSeconds() < 20, "woken by the activation, not by the timeout");
    }

    @Test
    void statusLongPollAnswersWaitingWhenNothingHappens() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        Activations.Started started = Activations.start(tenant, user);

        tenant.asFrontend().get(userPath(user, "/authenticator-activations/" + started.activationId() + "?waitSeconds=1"))
                .then().statusCode(200).body("status", equalTo("waiting")).body("deviceId", nullValue());
    }

    @Test
    void waitBeyondThirtySecondsIsRefused() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        Activations.Started started = Activations.start(tenant, user);

        tenant.asFrontend().get(userPath(user, "/authenticator-activations/" + started.activationId() + "?waitSeconds=31"))
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void activationIsSingleUse() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice())).then().statusCode(200);

        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice()))
                .then().statusCode(410).body("code", equalTo("activation_expired"));
    }

    @Test
    void fiveWrongCodesKillTheActivationAndEveryAttemptIsAudited() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        Activations.Started started = Activations.start(tenant, user);
        String wrong = started.code().equals("000000000") ? "111111111" : "000000000";

        for (int i = 0; i < 5; i++) {
            Activations.activate(started.ref(), Activations.appRequest(wrong, new TestDevice()))
                    .then().statusCode(401).body("code", equalTo("invalid_code"));
        }
        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice()))
                .then().statusCode(410).body("code", equalTo("activation_expired"));
        tenant.asFrontend().get(userPath(user, "/authenticator-activations/" + started.activationId()))
                .then().statusCode(200).body("status", equalTo("expired"));

        try (TopicReader audit = new TopicReader(bootstrapServers, "openfactor.audit")) {
            String key = tenant.tenantId() + "/" + user;
            List<TopicReader.Received> attempts = audit.awaitMatching(
                    r -> key.equals(r.key()) && r.event().data().contains("activation.attempted"), 6, Duration.ofSeconds(20));
            assertEquals(6, attempts.size());
            EventCatalogue.assertMatches(mapper.readTree(attempts.get(0).event().data()), "audit.recorded.v1");
            assertEquals(6, attempts.stream().filter(r -> r.event().data().contains("\"failure\"")).count());
            assertFalse(attempts.stream().anyMatch(r -> r.event().data().contains(started.code())));
        }
    }

    @Test
    void thirtyWrongCodesAtOnceAreJudgedFiveTimesAndTheRightOneIsRefusedAfter() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        String wrong = started.code().equals("000000000") ? "111111111" : "000000000";

        List<Response> answers = Race.run(30, i -> Activations.activate(started.ref(), Activations.appRequest(wrong, new TestDevice())));

        assertEquals(5, Race.withStatus(answers, 401), "exactly five wrong codes are judged");
        assertEquals(25, Race.withStatus(answers, 410));
        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice()))
                .then().statusCode(410).body("code", equalTo("activation_expired"));
    }

    @Test
    void racingRightCodesActivateOnce() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());

        List<Response> answers = Race.run(10, i -> Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice())));

        assertEquals(1, Race.withStatus(answers, 200), "single use");
        assertEquals(9, Race.withStatus(answers, 410));
    }

    @Test
    void activationExpiresAfterTenMinutes() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        Activations.Started started = Activations.start(tenant, user);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        tenant.asFrontend().get(userPath(user, "/authenticator-activations/" + started.activationId() + "?waitSeconds=5"))
                .then().statusCode(200).body("status", equalTo("expired"));
        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice()))
                .then().statusCode(410).body("code", equalTo("activation_expired"));
    }

    @Test
    void malformedDeviceKeyOrMissingPushTokenIsRefusedWithTheField() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        Map<String, Object> badKey = Activations.appRequest(started.code(), new TestDevice());
        badKey.put("devicePublicKey", Base64.getEncoder().encodeToString("not a key".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> noToken = Activations.appRequest(started.code(), new TestDevice());
        noToken.remove("pushToken");
        Map<String, Object> badPlatform = Activations.appRequest(started.code(), new TestDevice());
        badPlatform.put("pushPlatform", "blackberry");

        Activations.activate(started.ref(), badKey).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("devicePublicKey"));
        Activations.activate(started.ref(), noToken).then().statusCode(400).body("errors.field", hasItem("pushToken"));
        Activations.activate(started.ref(), badPlatform).then().statusCode(400).body("errors.field", hasItem("pushPlatform"));
        // none of these spent an attempt: the right code still works
        Activations.activate(started.ref(), Activations.appRequest(started.code(), new TestDevice())).then().statusCode(200);
    }

    @Test
    void pollOnlyAppNeedsNoPushToken() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        Map<String, Object> request = Activations.appRequest(started.code(), new TestDevice());
        request.put("pushPlatform", "none");
        request.remove("pushToken");

        Activations.activate(started.ref(), request).then().statusCode(200).body("deviceId", notNullValue());
    }

    @Test
    void unknownReferenceIsNotFound() {
        Activations.activate("999999999999", Activations.appRequest("123456789", new TestDevice()))
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void anotherTenantCannotSeeTheActivation() {
        TestTenant a = Tenants.create("A Corp");
        TestTenant b = Tenants.create("B Corp");
        String user = Tenants.newUserId();
        Activations.Started started = Activations.start(a, user);
        b.asFrontend().body(Map.of("required", true)).put(userPath(user, "/mfa-requirement")).then().statusCode(200);

        b.asFrontend().get(userPath(user, "/authenticator-activations/" + started.activationId()))
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    private JsonNode latestSnapshot(TestTenant tenant, String user) {
        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            List<TopicReader.Received> all = reader.awaitMatching(r -> key.equals(r.key())
                    && r.event().data() != null && r.event().data().contains("authenticator_app"), 1, Duration.ofSeconds(20));
            return mapper.readTree(all.get(all.size() - 1).event().data());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String userPath(String userId, String rest) {
        return "/v1/users/" + userId + rest;
    }
}
