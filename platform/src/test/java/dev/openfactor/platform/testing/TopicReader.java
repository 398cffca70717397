package dev.openfactor.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.CloudEventHeaders;

/**
 * Reads a topic from its beginning as a test's independent witness of what reached the broker
 * (no consumer group, so nothing it does affects the services' own consumers).
 */
public final class TopicReader implements AutoCloseable {

    /** A record as the test sees it: key plus the CloudEvent from its headers and value. */
    public record Received(String key, int partition, long offset, CloudEvent event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty()) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            if (partitions.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code count} records match or the timeout passes; returns all that match. */
    public List<Received> awaitMatching(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(match).size() < count && System.nanoTime() < deadline) {
            pollOnce(Duration.ofMillis(200));
        }
        return matching(match);
    }

    /** Keeps polling for {@code quiet}, then returns every matching record (to show nothing more arrived). */
    public List<Received> allMatchingAfter(Predicate<Received> match, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce(Duration.ofMillis(200));
        }
        return matching(match);
    }

    private List<Received> matching(Predicate<Received> match) {
        return received.stream().filter(match).toList();
    }

    private void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            received.add(new Received(r.key(), r.partition(), r.offset(), CloudEventHeaders.read(r.headers(), r.value())));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
