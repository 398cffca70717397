package dev.openfactor.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * 3. Fan-out: push commands delivered per second by notification-service at saturation (a
 * backlog of commands on {@code openfactor.notifications}) against pushy alone sending the same
 * payloads to the same stand-in from one process.
 */
final class FanOutScenario {

    private static final String NAME = "fan-out";
    static final String PAYLOAD = "{\"aps\":{\"alert\":{\"title\":\"Approve sign-in?\",\"body\":\"Bench, Dublin, 203.0.113.9\"},"
            + "\"category\":\"OPENFACTOR_CHALLENGE\"},\"challengeId\":\"fan-out\"}";

    private FanOutScenario() {
    }

    static void run(BenchSystem system, BenchSettings settings, Report report, ApnsStandIn apns, String kafka)
            throws Exception {
        int n = settings.fanOutCommands();
        long before = apns.accepted();
        CpuUse cpu = CpuUse.start(system);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka,
                "acks", "all", "linger.ms", 5, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            for (int i = 0; i < n; i++) {
                producer.send(command(i));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (apns.accepted() - before < n && System.nanoTime() < deadline) {
                ServiceProcess.pause(5);
            }
        }
        long delivered = apns.accepted() - before;
        double serviceRate = delivered / ((System.nanoTime() - start) / 1e9);
        cpu.perOperation(report, NAME, "command delivered", delivered, Map.of());
        double raw = RawPushy.rate(apns, n, PAYLOAD);
        report.add(Figure.of(NAME, "commands delivered/s by notification-service", serviceRate, "msg/s")
                .against("raw pushy, one process", raw)
                .target("≥ 50 % of raw pushy (80 % stretch)", serviceRate >= 0.5 * raw));
        if (delivered < n) {
            report.note("fan-out: only " + delivered + " of " + n + " commands reached the stand-in within 3 minutes");
        }
    }

    private static ProducerRecord<String, String> command(int i) {
        String id = UUID.randomUUID().toString();
        String user = "fanout-" + (i % 500) + "@bench.example";
        String json = "{\"notificationId\":\"" + id + "\",\"tenantId\":\"bench\",\"userId\":\"" + user
                + "\",\"purpose\":\"push_challenge\",\"channel\":\"apns\",\"address\":\"" + RawPushy.token(i)
                + "\",\"extension\":null,\"expiresAt\":\"" + Instant.now().plusSeconds(300) + "\",\"challengeId\":\"" + id
                + "\",\"deviceId\":null,\"methodId\":null,\"push\":{\"title\":\"Approve sign-in?\",\"body\":\"Bench, Dublin, 203.0.113.9\","
                + "\"category\":\"OPENFACTOR_CHALLENGE\",\"collapseId\":null,\"data\":{\"challengeId\":\"" + id + "\"}},"
                + "\"text\":null,\"secret\":null}";
        ProducerRecord<String, String> record = new ProducerRecord<>("openfactor.notifications", "bench/" + user, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", "dev.openfactor.notification.command.v1");
        header(record, "ce_source", "/openfactor/bench");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
