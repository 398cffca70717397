package dev.openfactor.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.testing.KafkaBrokerProcess;
import dev.openfactor.platform.testing.PrivateKafkaBroker;
import dev.openfactor.platform.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class OutboxTest {

    private static final String TOPIC = "platform.test.outbox";
    private static final String LOCK_TOPIC = "platform.test.locking";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;

    @Inject
    OutboxStore store;

    @Inject
    OutboxRelay relay;

    @Inject
    Jdbc jdbc;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = PrivateKafkaBroker.DIR_PROPERTY)
    String brokerDir;

    @Test
    void committedEventReachesKafkaOnceWithCloudEventHeaders() {
        String key = "user-" + UUID.randomUUID();
        CloudEvent sent = QuarkusTransaction.requiringNew().call(
                () -> outbox.publish(TOPIC, key, "dev.openfactor.test.happened.v1", "subject-1", Map.of("n", 1)));

        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            List<TopicReader.Received> arrived = reader.awaitMatching(r -> r.event().id().equals(sent.id()), 1, ARRIVAL);
            assertEquals(1, arrived.size());
            CloudEvent event = arrived.get(0).event();
            assertEquals(key, arrived.get(0).key());
            assertEquals("dev.openfactor.test.happened.v1", event.type());
            assertEquals("/openfactor/platform-test", event.source());
            assertEquals("subject-1", event.subject());
            assertEquals("{\"n\":1}", event.data());

            assertEquals(1, reader.allMatchingAfter(r -> r.event().id().equals(sent.id()), Duration.ofSeconds(2)).size());
        }
        assertTrue(isSent(sent.id()));
    }

    @Test
    void publishAllSendsEveryEventOnceInOrder() {
        String key = "user-" + UUID.randomUUID();
        List<CloudEvent> sent = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of(
                new Outbox.Publication(TOPIC, key, "dev.openfactor.test.batch.v1", key, Map.of("n", 1)),
                new Outbox.Publication(TOPIC, key, "dev.openfactor.test.batch.v1", key, Map.of("n", 2)),
                new Outbox.Publication(TOPIC, key, "dev.openfactor.test.batch.v1", key, Map.of("n", 3)))));
        Set<String> ids = sent.stream().map(CloudEvent::id).collect(Collectors.toSet());

        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            reader.awaitMatching(r -> ids.contains(r.event().id()), 3, ARRIVAL);
            List<TopicReader.Received> all = reader.allMatchingAfter(r -> ids.contains(r.event().id()), Duration.ofSeconds(1));
            assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), all.stream().map(r -> r.event().data()).toList());
            assertTrue(all.stream().allMatch(r -> key.equals(r.key())));
        }
        assertTrue(sent.stream().allMatch(e -> isSent(e.id())));
    }

    @Test
    void rolledBackEventNeverLeaves() {
        String key = "user-" + UUID.randomUUID();
        String[] doomed = new String[1];
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            doomed[0] = outbox.publish(TOPIC, key, "dev.openfactor.test.doomed.v1", null, Map.of()).id();
            throw new IllegalStateException("business rule failed");
        }));
        // Same key, same partition: once the later committed event is there, the earlier one would be too.
        CloudEvent marker = QuarkusTransaction.requiringNew().call(
                () -> outbox.publish(TOPIC, key, "dev.openfactor.test.marker.v1", null, Map.of()));

        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            assertEquals(1, reader.awaitMatching(r -> r.event().id().equals(marker.id()), 1, ARRIVAL).size());
            assertEquals(0, reader.allMatchingAfter(r -> r.event().id().equals(doomed[0]), Duration.ofSeconds(1)).size());
        }
        assertEquals(0L, rowCount(doomed[0]));
    }

    @Test
    void tombstoneHasNoValue() {
        String key = "user-" + UUID.randomUUID();
        CloudEvent tombstone = QuarkusTransaction.requiringNew().call(
                () -> outbox.tombstone(TOPIC, key, "dev.openfactor.test.deleted.v1", key));

        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            TopicReader.Received r = reader.awaitMatching(x -> x.event().id().equals(tombstone.id()), 1, ARRIVAL).get(0);
            assertTrue(r.event().isTombstone());
            assertEquals(key, r.key());
        }
    }

    @Test
    void rowsLockedByOneRelayAreSkippedNotAwaitedByAnother() throws Exception {
        relay.pause();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Set<String> committed = QuarkusTransaction.requiringNew().call(() -> Set.of(publishLockProbe(), publishLockProbe()));
            // Stand-in for a second replica's relay: lock every unsent row and hold the lock.
            CompletableFuture<Set<String>> holder = CompletableFuture.supplyAsync(
                    () -> QuarkusTransaction.requiringNew().call(() -> {
                        Set<String> ids = ids(store.lockUnsent(1000));
                        locked.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        return ids;
                    }));
            assertTrue(locked.await(20, TimeUnit.SECONDS));

            CompletableFuture<Set<String>> other = CompletableFuture.supplyAsync(
                    () -> QuarkusTransaction.requiringNew().call(() -> ids(store.lockUnsent(1000))));
            Set<String> seenByOther = other.get(10, TimeUnit.SECONDS);

            release.countDown();
            Set<String> heldByFirst = holder.get(20, TimeUnit.SECONDS);
            assertTrue(heldByFirst.containsAll(committed));
            assertEquals(Set.of(), seenByOther.stream().filter(heldByFirst::contains).collect(Collectors.toSet()));
        } finally {
            release.countDown();
            relay.resume();
        }
    }

    @Test
    void concurrentRelaysPublishEachRowOnce() throws Exception {
        relay.pause();
        List<String> ids;
        try {
            ids = QuarkusTransaction.requiringNew().call(() -> {
                List<String> written = new java.util.ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    written.add(publishLockProbe());
                }
                return written;
            });
            Runnable drain = () -> {
                while (relay.relayOnce() > 0) {
                    // keep going until this relay finds nothing it can lock
                }
            };
            CompletableFuture<Void> a = CompletableFuture.runAsync(drain);
            CompletableFuture<Void> b = CompletableFuture.runAsync(drain);
            CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);
        } finally {
            relay.resume();
        }
        try (TopicReader reader = new TopicReader(bootstrapServers, LOCK_TOPIC)) {
            Set<String> wanted = Set.copyOf(ids);
            reader.awaitMatching(r -> wanted.contains(r.event().id()), ids.size(), ARRIVAL);
            List<TopicReader.Received> all = reader.allMatchingAfter(r -> wanted.contains(r.event().id()), Duration.ofSeconds(1));
            assertEquals(ids.size(), all.size());
            assertEquals(wanted, all.stream().map(r -> r.event().id()).collect(Collectors.toSet()));
        }
    }

    @Test
    void relayResumesAfterBrokerRestartAndPublishesEachEventOnce() {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(Path.of(brokerDir));
        String key = "user-" + UUID.randomUUID();
        broker.stop();
        List<String> ids;
        try {
            ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                    outbox.publish(TOPIC, key, "dev.openfactor.test.during-outage.v1", null, Map.of("i", 1)).id(),
                    outbox.publish(TOPIC, key, "dev.openfactor.test.during-outage.v1", null, Map.of("i", 2)).id(),
                    outbox.publish(TOPIC, key, "dev.openfactor.test.during-outage.v1", null, Map.of("i", 3)).id()));
            sleep(Duration.ofSeconds(2));
            assertTrue(ids.stream().noneMatch(this::isSent), "nothing can be sent while the broker is down");
        } finally {
            broker.start();
        }

        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            reader.awaitMatching(r -> ids.contains(r.event().id()), 3, Duration.ofSeconds(60));
            List<TopicReader.Received> all = reader.allMatchingAfter(r -> ids.contains(r.event().id()), Duration.ofSeconds(2));
            assertEquals(3, all.size(), "each event once");
            assertEquals(Set.copyOf(ids), all.stream().map(r -> r.event().id()).collect(Collectors.toSet()));
        }
        assertTrue(ids.stream().allMatch(this::isSent));
    }

    @Test
    void rowTooLargeForTheBrokerIsParkedAndLaterEventsOfOtherUsersStillLeave() {
        double parkedBefore = parkedCount();
        double failuresBefore = meters.counter("openfactor.outbox.publish.failures").count();
        // Larger than the producer's max.request.size (1 MiB): it could never be sent.
        Map<String, String> oversized = Map.of("blob", "x".repeat(1_200_000));
        String victim = "user-" + UUID.randomUUID();
        String neighbour = "user-" + UUID.randomUUID();
        String later = "user-" + UUID.randomUUID();

        List<CloudEvent> firstBatch = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of(
                new Outbox.Publication(TOPIC, victim, "dev.openfactor.test.huge.v1", victim, oversized),
                new Outbox.Publication(TOPIC, neighbour, "dev.openfactor.test.small.v1", neighbour, Map.of("n", 1)))));
        String poison = firstBatch.get(0).id();
        CloudEvent afterwards = QuarkusTransaction.requiringNew().call(
                () -> outbox.publish(TOPIC, later, "dev.openfactor.test.small.v1", later, Map.of("n", 2)));
        Set<String> healthy = Set.of(firstBatch.get(1).id(), afterwards.id());

        try (TopicReader reader = new TopicReader(bootstrapServers, TOPIC)) {
            assertEquals(2, reader.awaitMatching(r -> healthy.contains(r.event().id()), 2, ARRIVAL).size());
            assertEquals(0, reader.allMatchingAfter(r -> r.event().id().equals(poison), Duration.ofSeconds(1)).size());
        }
        assertTrue(healthy.stream().allMatch(this::isSent));
        Object[] parked = QuarkusTransaction.requiringNew().call(() -> jdbc.first(
                "SELECT sent_at, parked_at, park_reason FROM outbox WHERE id = ?",
                row -> new Object[] {Jdbc.instant(row, 1), Jdbc.instant(row, 2), row.getString(3)},
                UUID.fromString(poison)).orElseThrow());
        assertEquals(null, parked[0]);
        assertTrue(parked[1] != null, "parked_at is set");
        assertTrue(((String) parked[2]).startsWith("RecordTooLargeException"), (String) parked[2]);
        assertTrue(!((String) parked[2]).contains("xxxx"), "the reason carries no payload");
        assertEquals(parkedBefore + 1, parkedCount());
        assertEquals(failuresBefore, meters.counter("openfactor.outbox.publish.failures").count(),
                "a parked row is no failure to back off from");
        assertEquals(0, relay.relayOnce(), "the parked row is not picked up again");
    }

    private double parkedCount() {
        var counter = meters.find("openfactor.outbox.parked").tags("topic", TOPIC, "reason", "RecordTooLargeException").counter();
        return counter == null ? 0 : counter.count();
    }

    private String publishLockProbe() {
        return outbox.publish(LOCK_TOPIC, UUID.randomUUID().toString(), "dev.openfactor.test.lock.v1", null, Map.of()).id();
    }

    private static Set<String> ids(List<OutboxRow> rows) {
        return rows.stream().map(r -> r.event().id()).collect(Collectors.toSet());
    }

    private boolean isSent(String id) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.count(
                "SELECT count(*) FROM outbox WHERE id = ? AND sent_at IS NOT NULL", UUID.fromString(id)) == 1);
    }

    private long rowCount(String id) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.count(
                "SELECT count(*) FROM outbox WHERE id = ?", UUID.fromString(id)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
