package dev.openfactor.enrollment.testdata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A delivery report as notification-service publishes it, sent to the real topic for enrollment's consumer. */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    public static void publish(String bootstrapServers, String tenantId, String user, String deviceId, String channel,
            String outcome, String reason) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        String json = "{\"notificationId\":\"" + UUID.randomUUID() + "\",\"tenantId\":\"" + tenantId + "\",\"userId\":\"" + user
                + "\",\"purpose\":\"push_challenge\",\"channel\":\"" + channel + "\",\"deviceId\":\"" + deviceId
                + "\",\"outcome\":\"" + outcome + "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"attempts\":1,\"occurredAt\":\"" + Instant.now() + "\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("openfactor.deliveries", tenantId + "/" + user, json);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "dev.openfactor.delivery.reported.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/openfactor/notification-service".getBytes(StandardCharsets.UTF_8))
                    .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
