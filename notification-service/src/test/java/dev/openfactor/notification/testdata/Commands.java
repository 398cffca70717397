package dev.openfactor.notification.testdata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.crypto.SealedCode;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.testing.EventSender;

/** Notification commands as enrollment- and verification-service publish them, onto the real topic. */
public final class Commands {

    private static final KeyRing DELIVERY = KeyRing.parse("delivery", "d1", "d1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Commands() {
    }

    public static Map<String, Object> push(String channel, String token, Instant expiresAt) {
        Map<String, Object> c = base(channel, token, expiresAt, "push_challenge");
        c.put("challengeId", UUID.randomUUID().toString());
        c.put("deviceId", UUID.randomUUID().toString());
        c.put("push", Map.of("title", "Approve sign-in?", "body", "Outlook, Dublin, 203.0.113.9", "category", "OPENFACTOR_SIGN_IN",
                "collapseId", c.get("challengeId"), "data", Map.of("challengeId", c.get("challengeId"), "application", "Outlook")));
        return c;
    }

    public static Map<String, Object> code(String channel, String number, String extension, String code, Instant expiresAt) {
        Map<String, Object> c = base(channel, number, expiresAt, "sign_in_code");
        c.put("challengeId", UUID.randomUUID().toString());
        c.put("extension", extension);
        c.put("text", "Contoso: your sign-in code is {code}.");
        var envelope = SealedCode.seal(DELIVERY, (String) c.get("notificationId"), code);
        c.put("secret", Map.of("kid", envelope.kid(), "iv", envelope.iv(), "ciphertext", envelope.ciphertext()));
        return c;
    }

    private static Map<String, Object> base(String channel, String address, Instant expiresAt, String purpose) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("notificationId", UUID.randomUUID().toString());
        c.put("tenantId", "tenant-" + UUID.randomUUID());
        c.put("userId", "user@contoso.example");
        c.put("purpose", purpose);
        c.put("channel", channel);
        c.put("address", address);
        c.put("expiresAt", expiresAt.toString());
        return c;
    }

    public static String key(Map<String, Object> command) {
        return command.get("tenantId") + "/" + command.get("userId");
    }

    /** Publishes with a fresh CloudEvent id each time: a redelivery as Kafka or a producer retry would make it. */
    public static void publish(String bootstrap, Map<String, Object> command) {
        publishTogether(bootstrap, List.of(command));
    }

    /**
     * Commands of one user in one send, so the consumer takes them in one poll; each gets a fresh
     * CloudEvent id, so a command listed twice is a redelivery.
     */
    public static void publishTogether(String bootstrap, List<Map<String, Object>> commands) {
        String key = key(commands.get(0));
        EventSender.send(bootstrap, "openfactor.notifications", key, commands.stream().map(c -> EventSender.event(
                "dev.openfactor.notification.command.v1", "/openfactor/verification-service", key, json(c)))
                .toArray(CloudEvent[]::new));
    }

    private static String json(Map<String, Object> command) {
        try {
            return MAPPER.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command that is not JSON", e);
        }
    }
}
