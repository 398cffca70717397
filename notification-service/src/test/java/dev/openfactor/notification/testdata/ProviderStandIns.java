package dev.openfactor.notification.testdata;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the protocol-level stand-ins for APNs (pushy's MockApnsServer), FCM HTTP v1 and
 * Twilio's REST API, and points the service's real adapters at them.
 */
public class ProviderStandIns implements QuarkusTestResourceLifecycleManager {

    public static final String TWILIO_SID = "ACtest0000000000000000000000000000";
    public static final String TWILIO_FROM = "+15005550006";
    /** Twilio's documented magic number for an invalid "To". */
    public static final String INVALID_NUMBER = "+15005550001";
    /** This stand-in's number that always gets 503. */
    public static final String DOWN_NUMBER = "+15005550009";

    public static ApnsStandIn apns;
    public static HttpStandIn fcm;
    public static HttpStandIn twilio;

    @Override
    public Map<String, String> start() {
        try {
            apns = new ApnsStandIn(Files.createTempDirectory("openfactor-apns"));
            fcm = new HttpStandIn(ProviderStandIns::fcmAnswer);
            twilio = new HttpStandIn(ProviderStandIns::twilioAnswer);
        } catch (Exception e) {
            throw new IllegalStateException("provider stand-ins did not start", e);
        }
        Map<String, String> config = new HashMap<>(apns.config());
        config.put("openfactor.notification.fcm.endpoint", fcm.url());
        config.put("openfactor.notification.fcm.project-id", "openfactor-test");
        config.put("openfactor.notification.twilio.endpoint", twilio.url());
        config.put("openfactor.notification.twilio.account-sid", TWILIO_SID);
        config.put("openfactor.notification.twilio.auth-token", "test-token-not-a-secret");
        config.put("openfactor.notification.twilio.from-number", TWILIO_FROM);
        return config;
    }

    @Override
    public void stop() {
        apns.stop();
        fcm.stop();
        twilio.stop();
    }

    private static HttpStandIn.Reply fcmAnswer(HttpStandIn.Request r) {
        if (r.body().contains("\"token\":\"dead")) {
            return new HttpStandIn.Reply(404, """
                    {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[
                    {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}""");
        }
        return new HttpStandIn.Reply(200, "{\"name\":\"projects/openfactor-test/messages/0:1\"}");
    }

    private static HttpStandIn.Reply twilioAnswer(HttpStandIn.Request r) {
        String to = java.net.URLDecoder.decode(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (to.contains("To=" + INVALID_NUMBER)) {
            return new HttpStandIn.Reply(400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}");
        }
        if (to.contains("To=" + DOWN_NUMBER)) {
            return new HttpStandIn.Reply(503, "{\"code\":20500,\"message\":\"Service unavailable\",\"status\":503}");
        }
        String prefix = r.path().endsWith("Calls.json") ? "CA" : "SM";
        return new HttpStandIn.Reply(201, "{\"sid\":\"" + prefix + "0123456789abcdef0123456789abcdef\",\"status\":\"queued\","
                + "\"account_sid\":\"" + TWILIO_SID + "\"}");
    }
}
