package dev.openfactor.verification.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openfactor.platform.testing.EventSender;
import dev.openfactor.platform.testing.BrowserSubscription;
import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.platform.testing.TopicReader;
import dev.openfactor.verification.testdata.AppUser;
import dev.openfactor.verification.testdata.Commands;
import dev.openfactor.verification.testdata.SignInTenant;
import dev.openfactor.verification.testdata.SignInSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Push sign-in with number matching, as the login page and the phone app see it. */
@QuarkusTest
class PushChallengeTest extends SignInSuite {

    @Test
    void pushReachesTheAppWhichApprovesWithTheNumberShownOnThePage() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);

        JsonPath created = push(app).then().statusCode(201)
                .body("status", equalTo("pending")).body("method", equalTo("push"))
                .body("numberMatch", matchesPattern("[0-9]{2}")).body("delivery", equalTo("queued"))
                .body("expiresAt", notNullValue()).extract().jsonPath();
        String id = created.getString("challengeId");
        String number = created.getString("numberMatch");

        JsonNode command = Commands.await(kafka, app.tenant().tenantId(), app.userId(), 1).get(0);
        assertEquals("apns", command.get("channel").asText());
        assertEquals(app.pushToken(), command.get("address").asText());
        assertEquals(id, command.at("/push/data/challengeId").asText());
        assertEquals("Outlook", command.at("/push/data/application").asText());
        assertFalse(command.toString().contains("\"" + number + "\""), "the number goes to the page only");

        app.pending().then().statusCode(200).body("", hasSize(1))
                .body("[0].challengeId", equalTo(id)).body("[0].numberMatchRequired", equalTo(true))
                .body("[0].context.location", equalTo("Dublin"));
        assertFalse(app.pending().asString().contains("\"" + number + "\""));

        app.approve(id, number).then().statusCode(200).body("status", equalTo("approved"));
        app.tenant().asFrontend().get("/v1/challenges/" + id).then().statusCode(200).body("status", equalTo("approved"));
    }

    @Test
    void aWebPushDeviceGetsACommandOnTheWebpushChannelAddressedToItsSubscription() {
        String subscription = BrowserSubscription.at("https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH").token();
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles, "webpush", subscription);

        JsonPath created = push(app).then().statusCode(201).body("delivery", equalTo("queued")).extract().jsonPath();

        JsonNode command = Commands.await(kafka, app.tenant().tenantId(), app.userId(), 1).get(0);
        assertEquals("webpush", command.get("channel").asText());
        assertEquals(subscription, command.get("address").asText());
        assertEquals(app.device().deviceId(), command.get("deviceId").asText());
        assertEquals(created.getString("challengeId"), command.at("/push/data/challengeId").asText());
        assertFalse(command.toString().contains("\"" + created.getString("numberMatch") + "\""), "the number goes to the page only");
    }

    @Test
    void theWrongNumberDeniesTheChallenge() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        JsonPath created = push(app).then().statusCode(201).extract().jsonPath();
        String wrong = created.getString("numberMatch").equals("42") ? "43" : "42";

        app.approve(created.getString("challengeId"), wrong).then().statusCode(200).body("status", equalTo("denied"));
        app.tenant().asFrontend().get("/v1/challenges/" + created.getString("challengeId"))
                .then().body("status", equalTo("denied")).body("reason", equalTo("wrong_number"));
    }

    @Test
    void denyingAsNotMeReportsFraudAndSuspendsPushForACooldown() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String id = push(app).then().statusCode(201).extract().path("challengeId");

        app.respond(id, "{\"decision\":\"deny\",\"denyReason\":\"not_me\"}").then().statusCode(200)
                .body("status", equalTo("fraud_reported"));
        push(app).then().statusCode(429).body("code", equalTo("rate_limited")).header("Retry-After", notNullValue());
        try (TopicReader audit = new TopicReader(kafka, "openfactor.audit")) {
            String key = app.tenant().tenantId() + "/" + app.userId();
            assertEquals(1, audit.awaitMatching(r -> key.equals(r.key()) && r.event().data().contains("fraud.reported"), 1,
                    Duration.ofSeconds(20)).size());
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        push(app).then().statusCode(201);
    }

    @Test
    void atMostThreePushChallengesArePending() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        for (int i = 0; i < 3; i++) {
            push(app).then().statusCode(201);
        }

        push(app).then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    @Test
    void longPollWakesWhenTheAppAnswers() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        JsonPath created = push(app).then().statusCode(201).extract().jsonPath();
        String id = created.getString("challengeId");
        long begin = System.nanoTime();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> app.tenant().asFrontend()
                .get("/v1/challenges/" + id + "?waitSeconds=25").then().statusCode(200).extract().path("status"));
        Thread.sleep(500);
        assertFalse(waiting.isDone());

        app.approve(id, created.getString("numberMatch")).then().statusCode(200);

        assertEquals("approved", waiting.get(20, TimeUnit.SECONDS));
        assertTrue(Duration.ofNanos(System.nanoTime() - begin).toSeconds() < 20, "woken by the answer, not the timeout");
    }

    @Test
    void everySignatureFailureIsTheSame401() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String path = "/v1/devices/" + app.device().deviceId() + "/challenges";
        Instant now = Instant.now();
        String timestamp = Long.toString(now.getEpochSecond());
        String signature = app.device().sign("GET\n" + path + "\n" + timestamp + "\n" + TestDevice.sha256Hex(""));
        TestDevice.headers(app.device().deviceId(), timestamp, signature).get(path).then().statusCode(200);
        TestDevice stranger = new TestDevice();
        stranger.deviceId(app.device().deviceId());

        List<Response> refused = List.of(
                TestDevice.headers(app.device().deviceId(), timestamp, signature).get(path),         // replay
                app.device().signed("GET", path, "", now.minusSeconds(90)).get(path),                // stale
                app.device().signed("GET", path + "?all=true", "", now).get(path),                   // tampered path
                stranger.signed("GET", path, "", now).get(path),                                     // another key
                TestDevice.headers(UUID.randomUUID().toString(), timestamp, signature).get(path));   // unknown device
        String body = refused.get(0).asString();
        refused.forEach(r -> {
            assertEquals(401, r.statusCode());
            assertEquals(body, r.asString());
        });
    }

    @Test
    void aDeviceCannotAnswerAnotherUsersChallenge() {
        SignInTenant tenant = SignInTenant.create(apiKeys);
        AppUser alice = AppUser.register(tenant, kafka, profiles);
        AppUser mallory = AppUser.register(tenant, kafka, profiles);
        JsonPath created = push(alice).then().statusCode(201).extract().jsonPath();

        mallory.approve(created.getString("challengeId"), created.getString("numberMatch"))
                .then().statusCode(404).body("code", equalTo("not_found"));
        mallory.pending().then().statusCode(200).body("", hasSize(0));
        tenant.asFrontend().get("/v1/challenges/" + created.getString("challengeId")).then().body("status", equalTo("pending"));
    }

    @Test
    void deliveryReportsMoveDeliveryToSent() throws Exception {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String id = push(app).then().statusCode(201).extract().path("challengeId");

        report(app, id, "sent");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String delivery = "queued";
        while (!"sent".equals(delivery) && System.nanoTime() < deadline) {
            delivery = app.tenant().asFrontend().get("/v1/challenges/" + id).then().extract().path("delivery");
            Thread.sleep(100);
        }
        assertEquals("sent", delivery);
    }

    @Test
    void anUnansweredPushExpires() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        String id = push(app).then().statusCode(201).extract().path("challengeId");

        clock.advance(Duration.ofSeconds(121));

        app.tenant().asFrontend().get("/v1/challenges/" + id).then().body("status", equalTo("expired"));
        app.pendingAt(clock.instant()).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void cancelEndsAPendingChallenge() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);
        JsonPath created = push(app).then().statusCode(201).extract().jsonPath();
        String id = created.getString("challengeId");

        app.tenant().asFrontend().delete("/v1/challenges/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
        app.approve(id, created.getString("numberMatch")).then().statusCode(409).body("code", equalTo("invalid_state"));
    }

    @Test
    void autoPicksPushForAnAppUser() {
        AppUser app = AppUser.register(SignInTenant.create(apiKeys), kafka, profiles);

        app.tenant().asFrontend().body(Map.of("userId", app.userId(), "method", "auto")).post("/v1/challenges")
                .then().statusCode(201).body("method", equalTo("push"));
    }

    private static Response push(AppUser app) {
        return app.tenant().asFrontend().body(Map.of("userId", app.userId(), "method", "push",
                "context", Map.of("application", "Outlook", "location", "Dublin", "ipAddress", "203.0.113.9")))
                .post("/v1/challenges");
    }

    private void report(AppUser app, String challengeId, String outcome) throws Exception {
        String json = "{\"notificationId\":\"" + UUID.randomUUID() + "\",\"tenantId\":\"" + app.tenant().tenantId()
                + "\",\"userId\":\"" + app.userId() + "\",\"channel\":\"apns\",\"challengeId\":\"" + challengeId
                + "\",\"outcome\":\"" + outcome + "\",\"attempts\":1,\"occurredAt\":\"" + Instant.now() + "\"}";
        EventSender.send(kafka, "openfactor.deliveries", app.tenant().tenantId() + "/" + app.userId(), EventSender.event(
                "dev.openfactor.delivery.reported.v1", "/openfactor/notification-service", null, json));
    }
}
