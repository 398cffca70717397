package dev.openfactor.platform.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.CloudEventHeaders;

/** Puts events on a real topic as another service's outbox would (CloudEvents binary mode), for consumer tests. */
public final class EventSender {

    private EventSender() {
    }

    /** A new event with a fresh id, as a producer stamps it now. */
    public static CloudEvent event(String type, String source, String subject, String data) {
        return new CloudEvent(UUID.randomUUID().toString(), type, source, subject, Instant.now(), data);
    }

    /** Sends the events in order to {@code partition} (null: by key) and waits until the broker has them all. */
    public static void send(String bootstrap, String topic, Integer partition, String key, CloudEvent... events) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (CloudEvent e : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key,
                        e.data() == null ? null : e.data().getBytes(UTF_8));
                CloudEventHeaders.write(e, record.headers());
                producer.send(record);
            }
            producer.flush();
        }
    }

    public static void send(String bootstrap, String topic, String key, CloudEvent... events) {
        send(bootstrap, topic, null, key, events);
    }

    /** A record without any CloudEvent header: what a foreign or broken producer might leave on a topic. */
    public static void sendRaw(String bootstrap, String topic, Integer partition, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(topic, partition, key, value));
            producer.flush();
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }
}
