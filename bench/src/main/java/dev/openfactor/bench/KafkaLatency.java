package dev.openfactor.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reference for the push path: the broker's own produce-to-consume latency at the same rate,
 * with the durability settings the outbox relay uses (acks=all, idempotent).
 */
final class KafkaLatency {

    private final String bootstrap;

    KafkaLatency(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Histogram measure(int perSecond, Duration duration) throws Exception {
        String topic = "openfactor.bench.latency-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Map<Long, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
        Thread reader = startReader(topic, arrivals);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "enable.idempotence", true, "linger.ms", 0,
                "key.serializer", ByteArraySerializer.class.getName(), "value.serializer", ByteArraySerializer.class.getName()))) {
            ServiceProcess.pause(1500); // let the reader's assignment settle
            Histogram histogram = new Histogram(3);
            OpenLoop.run(perSecond, duration, i -> {
                CompletableFuture<Long> arrived = arrivals.computeIfAbsent(i, k -> new CompletableFuture<>());
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(8).putLong(i).array(),
                        ByteBuffer.allocate(8).putLong(i).array()));
                return arrived.thenAccept(at -> {
                    synchronized (histogram) {
                        histogram.recordValue(Math.max(1, (at - sent) / 1000));
                    }
                });
            });
            return histogram;
        } finally {
            reader.interrupt();
            reader.join(5000);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private Thread startReader(String topic, Map<Long, CompletableFuture<Long>> arrivals) {
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "fetch.max.wait.ms", 5,
                    "key.deserializer", ByteArrayDeserializer.class.getName(),
                    "value.deserializer", ByteArrayDeserializer.class.getName()))) {
                consumer.subscribe(List.of(topic));
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        arrivals.computeIfAbsent(ByteBuffer.wrap(r.value()).getLong(), k -> new CompletableFuture<>()).complete(now);
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // stopping
            }
        }, "bench-kafka-reader");
        reader.start();
        return reader;
    }
}
