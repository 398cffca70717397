package dev.openfactor.notification.testdata;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.crypto.SealedCode;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.CloudEventHeaders;

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
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            String json = MAPPER.writeValueAsString(command);
            CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "dev.openfactor.notification.command.v1",
                    "/openfactor/verification-service", key(command), Instant.now(), json);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("openfactor.notifications", key(command), json.getBytes(UTF_8));
            CloudEventHeaders.write(event, record.headers());
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("publishing a command failed", e);
        }
    }
}
