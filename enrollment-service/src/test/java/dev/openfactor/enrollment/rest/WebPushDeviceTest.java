package dev.openfactor.enrollment.rest;

import static dev.openfactor.enrollment.rest.AuthenticatorActivationTest.userPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.enrollment.testdata.DeliveryReports;
import dev.openfactor.enrollment.testdata.Activations;
import dev.openfactor.enrollment.testdata.Tenants;
import dev.openfactor.enrollment.testdata.Tenants.TestTenant;
import dev.openfactor.platform.testing.BrowserSubscription;
import dev.openfactor.platform.testing.TestDevice;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The installable web app registers for pushes with its browser's Web Push subscription. The
 * endpoint is a URL the server will POST to, so only the browser vendors' push services pass
 * (plus loopback, which %test allows), and a refusal never repeats what was sent.
 */
@QuarkusTest
class WebPushDeviceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FCM_ENDPOINT = "https://fcm.googleapis.com/fcm/send/dGVzdC1zdWJzY3JpcHRpb24:APA91bHPRgkF";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void activatesWithAVendorSubscriptionAndPublishesItInTheProfile() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        BrowserSubscription browser = BrowserSubscription.at(FCM_ENDPOINT);
        Activations.Started started = Activations.start(tenant, user);

        Activations.activate(started.ref(), webPushRequest(started.code(), new TestDevice(), browser.token()))
                .then().statusCode(200);

        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                .body("methods[0].pushPlatform", equalTo("webpush")).body("methods[0].pushTokenValid", equalTo(true));
        JsonNode device = awaitSnapshotDevice(tenant, user, "\"webpush\"");
        assertEquals("webpush", device.get("pushPlatform").asText());
        assertEquals(browser.token(), device.get("pushToken").asText());
    }

    @Test
    void activatesWithAPushServiceOnLoopbackWhereTheProfileAllowsIt() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        String token = BrowserSubscription.at("http://127.0.0.1:8089/push/" + UUID.randomUUID()).token();

        Activations.activate(started.ref(), webPushRequest(started.code(), new TestDevice(), token)).then().statusCode(200);
    }

    @Test
    void refusesHostileSubscriptionsAtActivationNamingOnlyTheField() {
        TestTenant tenant = Tenants.create("Contoso");
        Activations.Started started = Activations.start(tenant, Tenants.newUserId());
        TestDevice device = new TestDevice();

        for (String token : hostileTokens()) {
            Response refused = Activations.activate(started.ref(), webPushRequest(started.code(), device, token));
            assertRefusedWithoutEcho(refused, token);
        }
        // None of it cost the activation anything: the real subscription still activates.
        Activations.activate(started.ref(), webPushRequest(started.code(), device, BrowserSubscription.at(FCM_ENDPOINT).token()))
                .then().statusCode(200);
    }

    @Test
    void rotatesToAWebPushSubscriptionWithASignedRequest() {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);
        String path = "/v1/devices/" + device.deviceId() + "/push-token";
        String token = BrowserSubscription.at("https://web.push.apple.com/QGcE9mmsSM0kOTBbYkEcsgU").token();

        device.signed("PUT", path, body(token), Instant.now()).put(path).then().statusCode(204);

        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200).body("methods[0].pushPlatform", equalTo("webpush"));
        assertEquals(token, awaitSnapshotDevice(tenant, user, "\"webpush\"").get("pushToken").asText());
    }

    @Test
    void refusesHostileSubscriptionsOnRotationAndKeepsTheOldToken() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.pair(tenant, user, device);
        String path = "/v1/devices/" + device.deviceId() + "/push-token";

        for (String token : hostileTokens()) {
            assertRefusedWithoutEcho(device.signed("PUT", path, body(token), Instant.now()).put(path), token);
        }

        tenant.asFrontend().get(userPath(user, "")).then().statusCode(200).body("methods[0].pushPlatform", equalTo("apns"));
    }

    @Test
    void aGoneSubscriptionReportedByTheWebPushChannelIsRetired() throws Exception {
        TestTenant tenant = Tenants.create("Contoso");
        String user = Tenants.newUserId();
        TestDevice device = new TestDevice();
        Activations.Started started = Activations.start(tenant, user);
        String deviceId = Activations.activate(started.ref(),
                webPushRequest(started.code(), device, BrowserSubscription.at(FCM_ENDPOINT).token()))
                .then().statusCode(200).extract().path("deviceId");

        DeliveryReports.publish(bootstrapServers, tenant.tenantId(), user, deviceId, "webpush", "address_invalid", "webpush_410");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean retired = false;
        while (!retired && System.nanoTime() < deadline) {
            retired = Boolean.FALSE.equals(tenant.asFrontend().get(userPath(user, "")).then().statusCode(200)
                    .extract().path("methods[0].pushTokenValid"));
            Thread.sleep(200);
        }
        assertTrue(retired, "the subscription should be marked invalid");
        assertEquals(false, awaitSnapshotDevice(tenant, user, "\"pushTokenValid\":false").get("pushTokenValid").asBoolean());
    }

    /** Each would make the server POST somewhere it must not, or is no subscription at all. */
    static List<String> hostileTokens() {
        BrowserSubscription b = BrowserSubscription.at(FCM_ENDPOINT);
        String p256dh = b.p256dh();
        String auth = b.authBase64();
        List<String> tokens = new ArrayList<>();
        for (String endpoint : List.of(
                "https://fcm.googleapis.com.evil.example/fcm/send/x",
                "https://evil.example/?fcm.googleapis.com",
                "https://user@fcm.googleapis.com/fcm/send/x",
                "http://fcm.googleapis.com/fcm/send/x",
                "https://10.0.0.1/push",
                "https://169.254.169.254/latest/meta-data/",
                "https://fcm.googleapis.com:8443/fcm/send/x",
                "https://fcm%2Egoogleapis.com/fcm/send/x",
                "https://fcm.googleapis.c\\u043em/fcm/send/x",
                "https://[::ffff:a00:1]/push",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "https://fcm.googleapis.com./fcm/send/x",
                "http://127.0.0.2:8080/push")) {
            tokens.add(BrowserSubscription.token(endpoint, p256dh, auth));
        }
        byte[] point = Base64.getUrlDecoder().decode(p256dh);
        point[64] ^= 1;
        tokens.add(BrowserSubscription.token(FCM_ENDPOINT, BrowserSubscription.base64url(point), auth)); // off the curve
        tokens.add(BrowserSubscription.token(FCM_ENDPOINT, BrowserSubscription.base64url(new byte[65]), auth));
        tokens.add(BrowserSubscription.token(FCM_ENDPOINT, p256dh, BrowserSubscription.base64url(new byte[15])));
        tokens.add(BrowserSubscription.token(FCM_ENDPOINT, p256dh, BrowserSubscription.base64url(new byte[32])));
        tokens.add(BrowserSubscription.token(FCM_ENDPOINT, p256dh, "not+base64url/"));
        tokens.add("not-json-" + p256dh);
        tokens.add("[\"" + FCM_ENDPOINT + "\"]");
        tokens.add("{\"endpoint\":\"" + FCM_ENDPOINT + "\"}");
        return tokens;
    }

    private static void assertRefusedWithoutEcho(Response refused, String token) {
        refused.then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("pushToken"));
        String body = refused.asString();
        assertFalse(body.contains(token), body);
        assertFalse(body.contains("evil") || body.contains("googleapis") || body.contains("169.254") || body.contains("etc/passwd"),
                body);
        String p256dh = token.contains("\"p256dh\":\"") ? token.split("\"p256dh\":\"")[1].split("\"")[0] : "~none~";
        assertFalse(!p256dh.isEmpty() && body.contains(p256dh), body);
    }

    private static Map<String, Object> webPushRequest(String code, TestDevice device, String token) {
        Map<String, Object> request = Activations.appRequest(code, device);
        request.put("pushPlatform", "webpush");
        request.put("pushToken", token);
        request.put("deviceName", "Chrome on Android");
        return request;
    }

    private static String body(String token) {
        try {
            return MAPPER.writeValueAsString(Map.of("pushPlatform", "webpush", "pushToken", token));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitSnapshotDevice(TestTenant tenant, String user, String fragment) {
        String key = tenant.tenantId() + "/" + user;
        try (TopicReader reader = new TopicReader(bootstrapServers, "openfactor.profiles")) {
            var found = reader.awaitMatching(r -> key.equals(r.key()) && r.event().data() != null
                    && r.event().data().contains(fragment), 1, Duration.ofSeconds(20));
            assertEquals(1, found.size(), "a snapshot containing " + fragment);
            return MAPPER.readTree(found.get(0).event().data()).at("/methods/0/device");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
