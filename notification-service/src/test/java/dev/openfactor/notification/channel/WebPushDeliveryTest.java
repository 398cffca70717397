package dev.openfactor.notification.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.testdata.Commands;
import dev.openfactor.notification.testdata.WebPushStandIn;
import dev.openfactor.notification.testdata.WebPushStandIns;
import dev.openfactor.platform.testing.BrowserSubscription;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Web Push commands from the real topic through WebPushChannel to a push-service stand-in that
 * checks VAPID and decrypts like a browser. The sandbox is on as in local runs: Web Push stays
 * real beside it, every other channel is recorded.
 */
@QuarkusTest
@TestProfile(WebPushDeliveryTest.WebPushBesideTheSandbox.class)
class WebPushDeliveryTest {

    public static class WebPushBesideTheSandbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openfactor.notification.sandbox.enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WebPushStandIns.class));
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theBrowserDecryptsTheChallengeSentWithVapidTtlUrgencyAndTopic() throws Exception {
        BrowserSubscription browser = push().subscribe();
        Instant expires = Instant.now().plusSeconds(100);
        Map<String, Object> command = Commands.push("webpush", browser.token(), expires);

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("sent", report.get("outcome").asText());
        assertEquals("webpush", report.get("channel").asText());
        List<WebPushStandIn.Received> got = push().received(WebPushStandIn.id(browser));
        assertEquals(1, got.size());
        WebPushStandIn.Received request = got.get(0);
        assertNull(request.refusal(), "the push service accepted the VAPID token and could decrypt");
        assertEquals("high", request.headers().get("urgency"));
        assertEquals("application/octet-stream", request.headers().get("content-type"));
        long ttl = Long.parseLong(request.headers().get("ttl"));
        assertTrue(ttl > 80 && ttl <= 100, "TTL is the time left on the challenge: " + ttl);
        String challengeId = (String) command.get("challengeId");
        assertEquals(challengeId.replace("-", ""), request.headers().get("topic"));
        JsonNode payload = MAPPER.readTree(request.payload());
        assertEquals("push_challenge", payload.get("type").asText());
        assertEquals(challengeId, payload.get("challengeId").asText());
        assertEquals(command.get("deviceId"), payload.get("deviceId").asText());
        assertEquals("Approve sign-in?", payload.get("title").asText());
        assertEquals("Outlook, Dublin, 203.0.113.9", payload.get("body").asText());
        assertEquals(expires.toString(), payload.get("expiresAt").asText());
        assertEquals("Outlook", payload.at("/data/application").asText());
    }

    @Test
    void aGoneSubscriptionIsReportedAddressInvalidAndNotRetried() throws Exception {
        BrowserSubscription browser = push().subscribe(410);
        Map<String, Object> command = Commands.push("webpush", browser.token(), Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("address_invalid", report.get("outcome").asText());
        assertEquals("webpush_410", report.get("reason").asText());
        assertEquals(command.get("deviceId"), report.get("deviceId").asText());
        Thread.sleep(500);
        assertEquals(1, push().received(WebPushStandIn.id(browser)).size());
    }

    @Test
    void aServerErrorIsRetriedUntilSent() throws Exception {
        BrowserSubscription browser = push().subscribe(500, 429);
        Map<String, Object> command = Commands.push("webpush", browser.token(), Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("sent", report.get("outcome").asText());
        assertEquals(3, report.get("attempts").asInt());
        assertEquals(3, push().received(WebPushStandIn.id(browser)).size());
    }

    @Test
    void aRefusedRequestFailsAtOnceWithAShortReason() throws Exception {
        BrowserSubscription browser = push().subscribe(413);
        Map<String, Object> command = Commands.push("webpush", browser.token(), Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("failed", report.get("outcome").asText());
        assertEquals("webpush_413", report.get("reason").asText());
        assertEquals(1, report.get("attempts").asInt());
    }

    @Test
    void anEndpointOffTheAllowlistIsRefusedWithoutAnyRequest() throws Exception {
        BrowserSubscription real = push().subscribe();
        String id = WebPushStandIn.id(real);
        int port = Integer.parseInt(push().origin().substring(push().origin().lastIndexOf(':') + 1));
        // Each would reach the stand-in if the guard let it through; enrollment refuses them too, this is the second lock.
        List<String> endpoints = List.of("http://user@127.0.0.1:" + port + "/push/" + id,
                "http://0.0.0.0:" + port + "/push/" + id,
                "http://127.0.0.1:" + port + "/push/" + id + "#fragment",
                "https://fcm.googleapis.com.evil.example/push/" + id);
        for (String endpoint : endpoints) {
            Map<String, Object> command = Commands.push("webpush",
                    BrowserSubscription.token(endpoint, real.p256dh(), real.authBase64()), Instant.now().plusSeconds(100));

            Commands.publish(kafka, command);

            JsonNode report = awaitReport(command);
            assertEquals("failed", report.get("outcome").asText(), endpoint);
            assertEquals("push_service_not_allowed", report.get("reason").asText(), endpoint);
            assertFalse(report.toString().contains(endpoint), "the report never names the endpoint");
        }
        assertEquals(List.of(), push().received(id), "the push service saw nothing");
    }

    @Test
    void aTokenThatIsNoSubscriptionFailsWithoutAnyRequest() throws Exception {
        Map<String, Object> command = Commands.push("webpush", "{\"endpoint\":\"" + push().origin() + "/push/x\"}",
                Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        assertEquals("subscription_invalid", awaitReport(command).get("reason").asText());
        assertTrue(push().received("x").isEmpty(), "no request for it");
    }

    @Test
    void theSandboxStillRecordsEveryOtherChannel() throws Exception {
        String number = "+1415557" + (1000 + (int) (Math.random() * 8999));
        Map<String, Object> sms = Commands.code("sms", number, null, "975310", Instant.now().plusSeconds(300));

        Commands.publish(kafka, sms);

        assertEquals("sent", awaitReport(sms).get("outcome").asText());
        given().auth().oauth2("test-admin-token-not-a-secret").queryParam("address", number).get("/sandbox/v1/deliveries")
                .then().statusCode(200).body("", hasSize(1)).body("[0].content.text", equalTo("Contoso: your sign-in code is 975310."));
    }

    private static WebPushStandIn push() {
        return WebPushStandIns.pushService;
    }

    private JsonNode awaitReport(Map<String, Object> command) throws IOException {
        String id = (String) command.get("notificationId");
        try (TopicReader reports = new TopicReader(kafka, "openfactor.deliveries")) {
            List<TopicReader.Received> found = reports.awaitMatching(r -> r.event().data().contains(id), 1, Duration.ofSeconds(30));
            assertEquals(1, found.size(), "a report for " + id);
            return MAPPER.readTree(found.get(0).event().data());
        }
    }
}
