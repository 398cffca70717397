package dev.openfactor.notification.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.testdata.ApnsStandIn;
import dev.openfactor.notification.testdata.Commands;
import dev.openfactor.notification.testdata.HttpStandIn;
import dev.openfactor.notification.testdata.ProviderStandIns;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Commands from the real topic through the real adapters and SDKs (pushy, firebase-admin,
 * twilio-java) to protocol-level stand-ins, and the reports that come back on openfactor.deliveries.
 */
@QuarkusTest
@QuarkusTestResource(ProviderStandIns.class)
class DeliveryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void apnsGetsAnAlertWithCategoryExpiryCollapseIdAndTopPriority() throws Exception {
        String token = "a1" + UUID.randomUUID().toString().replace("-", "");
        Instant expires = Instant.now().plusSeconds(120);
        Map<String, Object> command = Commands.push("apns", token, expires);

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("sent", report.get("outcome").asText());
        assertEquals(command.get("challengeId"), report.get("challengeId").asText());
        assertEquals(command.get("deviceId"), report.get("deviceId").asText());
        ApnsStandIn.Received push = ProviderStandIns.apns.RECEIVED.stream().filter(r -> r.token().equals(token)).findFirst()
                .orElseThrow();
        assertEquals("10", push.headers().get("apns-priority"));
        assertEquals(Long.toString(expires.getEpochSecond()), push.headers().get("apns-expiration"));
        assertEquals(command.get("challengeId"), push.headers().get("apns-collapse-id"));
        assertEquals("dev.openfactor.authenticator", push.headers().get("apns-topic"));
        assertTrue(push.headers().get("authorization").startsWith("bearer "), "token-based auth");
        JsonNode payload = MAPPER.readTree(push.payload());
        assertEquals("OPENFACTOR_SIGN_IN", payload.at("/aps/category").asText());
        assertEquals("Approve sign-in?", payload.at("/aps/alert/title").asText());
        assertEquals(command.get("challengeId"), payload.get("challengeId").asText());
    }

    @Test
    void anUnregisteredApnsTokenIsReportedAndNotRetried() throws Exception {
        String token = "dead" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> command = Commands.push("apns", token, Instant.now().plusSeconds(120));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("address_invalid", report.get("outcome").asText());
        assertEquals("Unregistered", report.get("reason").asText());
        Thread.sleep(500);
        assertEquals(1, ApnsStandIn.attempts(token));
    }

    @Test
    void transientApnsErrorsAreRetriedUntilSent() throws Exception {
        String token = "flaky" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> command = Commands.push("apns", token, Instant.now().plusSeconds(120));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("sent", report.get("outcome").asText());
        assertEquals(3, report.get("attempts").asInt());
        assertEquals(3, ApnsStandIn.attempts(token));
    }

    @Test
    void fcmGetsDataNotificationHighPriorityAndTheRemainingTtl() throws Exception {
        String token = "fcm-" + UUID.randomUUID();
        Map<String, Object> command = Commands.push("fcm", token, Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        assertEquals("sent", awaitReport(command).get("outcome").asText());
        HttpStandIn.Request sent = ProviderStandIns.fcm.received().stream().filter(r -> r.body().contains(token)).findFirst()
                .orElseThrow();
        assertEquals("/v1/projects/openfactor-test/messages:send", sent.path());
        JsonNode message = MAPPER.readTree(sent.body()).get("message");
        assertEquals(token, message.get("token").asText());
        assertEquals("Approve sign-in?", message.at("/notification/title").asText());
        assertEquals(command.get("challengeId"), message.at("/data/challengeId").asText());
        assertEquals("high", message.at("/android/priority").asText());
        double ttl = Double.parseDouble(message.at("/android/ttl").asText().replace("s", ""));
        assertTrue(ttl > 80 && ttl <= 100, "TTL is the time left on the challenge: " + ttl);
    }

    @Test
    void anUnregisteredFcmTokenIsReported() throws Exception {
        Map<String, Object> command = Commands.push("fcm", "dead-" + UUID.randomUUID(), Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        assertEquals("address_invalid", awaitReport(command).get("outcome").asText());
    }

    @Test
    void webPushWithoutVapidKeysFailsAsNotConfigured() throws Exception {
        String token = dev.openfactor.platform.testing.BrowserSubscription.at("http://127.0.0.1:9/push/x").token();
        Map<String, Object> command = Commands.push("webpush", token, Instant.now().plusSeconds(100));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("failed", report.get("outcome").asText());
        assertEquals("channel_not_configured", report.get("reason").asText());
    }

    @Test
    void smsCarriesTheOpenedCode() throws Exception {
        String number = "+1415555" + (1000 + (int) (Math.random() * 8999));
        Map<String, Object> command = Commands.code("sms", number, null, "482913", Instant.now().plusSeconds(300));

        Commands.publish(kafka, command);

        assertEquals("sent", awaitReport(command).get("outcome").asText());
        HttpStandIn.Request sms = twilioRequestTo(number);
        assertEquals("/2010-04-01/Accounts/" + ProviderStandIns.TWILIO_SID + "/Messages.json", sms.path());
        assertTrue(sms.body().contains("Body=Contoso%3A+your+sign-in+code+is+482913."), sms.body());
        assertTrue(sms.authorization().startsWith("Basic "));
    }

    @Test
    void voiceReadsTheCodeSlowlyTwiceAndDialsTheExtension() throws Exception {
        String number = "+3531555" + (1000 + (int) (Math.random() * 8999));
        Map<String, Object> command = Commands.code("voice", number, "204", "482913", Instant.now().plusSeconds(300));

        Commands.publish(kafka, command);

        assertEquals("sent", awaitReport(command).get("outcome").asText());
        HttpStandIn.Request call = twilioRequestTo(number);
        assertTrue(call.path().endsWith("/Calls.json"));
        String form = java.net.URLDecoder.decode(call.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(form.contains("SendDigits=ww204"), form);
        assertEquals(2, form.split("4, 8, 2, 9, 1, 3\\.", -1).length - 1, "the digits, spaced, twice: " + form);
        assertTrue(form.contains("<Pause"), form);
    }

    @Test
    void anInvalidNumberIsReportedAsAddressInvalid() throws Exception {
        Map<String, Object> command = Commands.code("sms", ProviderStandIns.INVALID_NUMBER, null, "111111",
                Instant.now().plusSeconds(300));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("address_invalid", report.get("outcome").asText());
        assertEquals("twilio_21211", report.get("reason").asText());
    }

    @Test
    void anExpiredCommandIsNotSent() throws Exception {
        String token = "a2" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> command = Commands.push("apns", token, Instant.now().minusSeconds(1));

        Commands.publish(kafka, command);

        assertEquals("expired", awaitReport(command).get("outcome").asText());
        assertEquals(0, ApnsStandIn.attempts(token));
    }

    @Test
    void exhaustedRetriesGoToTheDeadLetterTopic() throws Exception {
        Map<String, Object> command = Commands.code("sms", ProviderStandIns.DOWN_NUMBER, null, "222222",
                Instant.now().plusSeconds(300));

        Commands.publish(kafka, command);

        JsonNode report = awaitReport(command);
        assertEquals("failed", report.get("outcome").asText());
        assertEquals(3, report.get("attempts").asInt());
        try (TopicReader dlq = new TopicReader(kafka, "openfactor.notifications.dlq")) {
            List<TopicReader.Received> letters = dlq.awaitMatching(r -> r.event().data().contains((String) command.get("notificationId")),
                    1, Duration.ofSeconds(20));
            assertEquals(1, letters.size());
            JsonNode letter = MAPPER.readTree(letters.get(0).event().data());
            // twilio-java retries a 503 itself for a while, so our own attempt may end by its timeout first
            assertTrue(List.of("twilio_503", "timeout").contains(letter.get("reason").asText()), letter.toString());
            assertEquals(3, letter.get("attempts").asInt());
            assertFalse(letters.get(0).event().data().contains("222222"), "the code stays sealed in the dead letter");
        }
    }

    @Test
    void aCommandConsumedTwiceIsSentOnce() throws Exception {
        String token = "a3" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> command = Commands.push("apns", token, Instant.now().plusSeconds(120));

        Commands.publish(kafka, command);
        Commands.publish(kafka, command);

        awaitReport(command);
        Thread.sleep(1500);
        assertEquals(1, ApnsStandIn.attempts(token));
        try (TopicReader reports = new TopicReader(kafka, "openfactor.deliveries")) {
            assertEquals(1, reports.allMatchingAfter(r -> r.event().data().contains((String) command.get("notificationId")),
                    Duration.ofSeconds(1)).size());
        }
    }

    /** A poll's commands are recorded in one statement: a malformed one is skipped alone, a copy adds nothing. */
    @Test
    void aBatchWithAMalformedCommandAndACopySendsEveryGoodCommandOnce() throws Exception {
        Instant expires = Instant.now().plusSeconds(120);
        List<Map<String, Object>> good = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> c = Commands.push("apns", "a4" + UUID.randomUUID().toString().replace("-", ""), expires);
            if (!good.isEmpty()) {
                c.put("tenantId", good.get(0).get("tenantId")); // one key: one partition, one poll
            }
            good.add(c);
        }
        Map<String, Object> malformed = new java.util.LinkedHashMap<>(
                Commands.push("apns", "a5" + UUID.randomUUID().toString().replace("-", ""), expires));
        malformed.put("tenantId", good.get(0).get("tenantId"));
        malformed.remove("channel");

        Commands.publishTogether(kafka, List.of(good.get(0), malformed, good.get(1), good.get(0), good.get(2)));

        for (Map<String, Object> c : good) {
            assertEquals("sent", awaitReport(c).get("outcome").asText());
        }
        Thread.sleep(1500);
        for (Map<String, Object> c : good) {
            assertEquals(1, ApnsStandIn.attempts((String) c.get("address")));
        }
        assertEquals(0, ApnsStandIn.attempts((String) malformed.get("address")));
    }

    private HttpStandIn.Request twilioRequestTo(String number) {
        return ProviderStandIns.twilio.received().stream()
                .filter(r -> java.net.URLDecoder.decode(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("To=" + number))
                .findFirst().orElseThrow();
    }

    private JsonNode awaitReport(Map<String, Object> command) throws IOException {
        String id = (String) command.get("notificationId");
        try (TopicReader reports = new TopicReader(kafka, "openfactor.deliveries")) {
            List<TopicReader.Received> found = reports.awaitMatching(r -> r.event().data().contains(id), 1, Duration.ofSeconds(30));
            assertEquals(1, found.size(), "a report for " + id);
            JsonNode report = MAPPER.readTree(found.get(0).event().data());
            assertEquals(Commands.key(command), found.get(0).key());
            return report;
        }
    }
}
