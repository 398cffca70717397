package dev.openfactor.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.EventSender;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.probe.ProbeEffect;
import dev.openfactor.platform.testing.PrivateKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import static java.nio.charset.StandardCharsets.UTF_8;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class IdempotentConsumerTest {

    private static final String TYPE = "dev.openfactor.test.effect.v1";

    @Inject
    EventConsumers consumers;

    @Inject
    Jdbc jdbc;

    @Inject
    IdempotentProcessor processor;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void duplicateDeliveryIsAppliedOnce() {
        String topic = "platform.test.dup-" + UUID.randomUUID();
        CloudEvent event = event();
        CloudEvent after = event();
        send(topic, event, event, after);

        EventConsumers.Running loop = consumers.start(spec(topic, e -> ProbeEffect.record(jdbc, e.id())));
        try {
            awaitTrue(() -> effects(after.id()) == 1);
            assertEquals(1, effects(event.id()));
        } finally {
            loop.stop();
        }
    }

    @Test
    void aBatchIsClaimedInOneStatementAndACopyWithinItIsADuplicate() {
        String consumer = "platform-test-batch-" + UUID.randomUUID();
        CloudEvent a = event();
        CloudEvent b = event();
        List<String> handled = new ArrayList<>();

        boolean[] applied = processor.processAll(consumer, List.of(a, b, a), e -> handled.add(e.id()));
        assertArrayEquals(new boolean[] {true, true, false}, applied);
        assertEquals(List.of(a.id(), b.id()), handled);

        CloudEvent c = event();
        assertArrayEquals(new boolean[] {false, true}, processor.processAll(consumer, List.of(b, c), e -> handled.add(e.id())));
        assertEquals(List.of(a.id(), b.id(), c.id()), handled);
    }

    @Test
    void redeliveryAfterRestartAppliesNothingTwice() {
        String topic = "platform.test.restart-" + UUID.randomUUID();
        CloudEvent first = event();
        send(topic, first);
        EventConsumers.Running loop = consumers.start(spec(topic, e -> ProbeEffect.record(jdbc, e.id())));
        awaitTrue(() -> effects(first.id()) == 1);
        loop.stop();

        // The same event again (as after a crash before the offset commit), then a new one.
        CloudEvent second = event();
        send(topic, first, second);
        EventConsumers.Running again = consumers.start(spec(topic, e -> ProbeEffect.record(jdbc, e.id())));
        try {
            awaitTrue(() -> effects(second.id()) == 1);
            assertEquals(1, effects(first.id()));
        } finally {
            again.stop();
        }
    }

    @Test
    void failingHandlerIsRetriedAndNothingIsSkipped() {
        String topic = "platform.test.retry-" + UUID.randomUUID();
        CloudEvent flaky = event();
        CloudEvent next = event();
        send(topic, flaky, next);
        AtomicInteger attempts = new AtomicInteger();

        EventConsumers.Running loop = consumers.start(spec(topic, e -> {
            ProbeEffect.record(jdbc, e.id());
            if (e.id().equals(flaky.id()) && attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("transient failure");
            }
        }));
        try {
            awaitTrue(() -> effects(next.id()) == 1);
            assertEquals(1, effects(flaky.id()), "failed attempts rolled back their effect");
            assertEquals(3, attempts.get());
        } finally {
            loop.stop();
        }
    }

    @Test
    void unknownTypesAndMalformedRecordsAreSkipped() {
        String topic = "platform.test.skip-" + UUID.randomUUID();
        CloudEvent unknown = new CloudEvent(UUID.randomUUID().toString(), "dev.openfactor.test.other.v1", "/test", null,
                Instant.now(), "{}");
        CloudEvent good = event();
        EventSender.sendRaw(bootstrapServers, topic, 0, "k", "no headers".getBytes(UTF_8));
        send(topic, unknown, good);

        EventConsumers.Running loop = consumers.start(spec(topic, e -> ProbeEffect.record(jdbc, e.id())));
        try {
            awaitTrue(() -> effects(good.id()) == 1);
            assertEquals(0, effects(unknown.id()));
        } finally {
            loop.stop();
        }
    }

    private static ConsumerSpec spec(String topic, EventHandler handler) {
        return new ConsumerSpec("test-" + topic, List.of(topic), Map.of(TYPE, handler));
    }

    private static CloudEvent event() {
        return new CloudEvent(UUID.randomUUID().toString(), TYPE, "/test", "s", Instant.now(), "{\"x\":1}");
    }

    private void send(String topic, CloudEvent... events) {
        EventSender.send(bootstrapServers, topic, 0, "k", events);
    }

    private long effects(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> ProbeEffect.count(jdbc, marker));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
