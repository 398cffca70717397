package dev.openfactor.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.openfactor.platform.events.CloudEventHeaders;
import dev.openfactor.platform.kafka.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Sends outbox rows with an idempotent, acks=all producer and waits until the broker has them all. */
@ApplicationScoped
class OutboxPublisher {

    private final KafkaClientSettings settings;
    private final OutboxConfig config;
    private KafkaProducer<String, byte[]> producer;

    OutboxPublisher(KafkaClientSettings settings, OutboxConfig config) {
        this.settings = settings;
        this.config = config;
    }

    /** A row the broker can never take, and why (no payload in the reason). */
    record Poisoned(OutboxRow row, String reason) {
    }

    /**
     * What the broker acknowledged (to all in-sync replicas), the rows that failed for good,
     * and, if any other row failed, why (those rows are worth another try).
     */
    record Outcome(List<OutboxRow> acknowledged, List<Poisoned> poisoned, OutboxPublishException failure) {

        static Outcome nothing() {
            return new Outcome(List.of(), List.of(), null);
        }

        /** Rows this batch is done with, one way or the other. */
        int settled() {
            return acknowledged.size() + poisoned.size();
        }
    }

    /**
     * Sends every row and waits for each acknowledgement. Rows acknowledged before a failure
     * are reported as such, so that a partly delivered batch is not sent again in full.
     */
    Outcome publish(List<OutboxRow> rows) {
        KafkaProducer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(send(p, row));
        }
        long deadline = System.nanoTime() + config.deliveryTimeout().plusSeconds(5).toNanos();
        List<OutboxRow> acknowledged = new ArrayList<>(rows.size());
        List<Poisoned> poisoned = new ArrayList<>();
        OutboxPublishException failure = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                await(acks.get(i), deadline);
                acknowledged.add(rows.get(i));
            } catch (OutboxPublishException e) {
                var permanent = PermanentFailures.reason(e);
                if (permanent.isPresent()) {
                    poisoned.add(new Poisoned(rows.get(i), permanent.get()));
                } else {
                    failure = failure == null ? e : failure;
                }
            }
        }
        return new Outcome(acknowledged, poisoned, failure);
    }

    /**
     * Serialisation errors are thrown rather than returned as a failed future; catching them
     * here keeps one bad row from abandoning the rows already handed to the producer.
     */
    private static Future<RecordMetadata> send(KafkaProducer<String, byte[]> p, OutboxRow row) {
        try {
            return p.send(toRecord(row));
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        byte[] value = row.event().data() == null ? null : row.event().data().getBytes(UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), value);
        CloudEventHeaders.write(row.event(), record.headers());
        return record;
    }

    private static void await(Future<RecordMetadata> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new OutboxPublishException("broker did not acknowledge an outbox event", e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxPublishException("broker acknowledgement timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("interrupted while waiting for the broker", e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    private Map<String, Object> producerConfig() {
        Duration delivery = config.deliveryTimeout();
        Map<String, Object> c = settings.base();
        c.put(ProducerConfig.CLIENT_ID_CONFIG, settings.applicationName() + "-outbox");
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // The producer's own timeouts end before the relay stops waiting, so a failed batch
        // surfaces as an exception (and a rollback) instead of a hung relay.
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery.toMillis());
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery.toMillis() / 2));
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery.toMillis());
        return c;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
