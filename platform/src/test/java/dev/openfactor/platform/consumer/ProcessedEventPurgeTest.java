package dev.openfactor.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.testing.PrivateKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class ProcessedEventPurgeTest {

    // Far in the past, so that no other test's rows (stamped with the real clock) are in range.
    private static final Instant NOW = Instant.parse("2001-03-20T12:00:00Z");

    @Inject
    ProcessedEventPurge purge;

    @Inject
    ProcessedEventRetention retention;

    @Inject
    Jdbc jdbc;

    @Test
    void rowsPastTheRetentionArePurgedInBatchesAndRecentOnesKept() {
        String consumer = "purge-test-" + UUID.randomUUID();
        insert(consumer, 25, NOW.minus(Duration.ofDays(8)));
        insert(consumer, 3, NOW.minus(Duration.ofDays(6)));

        int purged = purge.purgeBefore(NOW.minus(retention.processedRetention()), 10);

        assertEquals(25, purged);
        assertEquals(3, count(consumer));
    }

    @Test
    void defaultRetentionIsSevenDays() {
        String consumer = "purge-test-" + UUID.randomUUID();
        insert(consumer, 2, NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        insert(consumer, 1, NOW.minus(Duration.ofDays(7)).plusSeconds(60));

        purge.purgeExpired(NOW);

        assertEquals(Duration.ofDays(7), retention.processedRetention());
        assertEquals(1, count(consumer));
    }

    private void insert(String consumer, int rows, Instant processedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows; i++) {
                jdbc.update("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) VALUES (?, ?, ?, ?)",
                        consumer, UUID.randomUUID().toString(), "dev.openfactor.test.purge.v1", processedAt);
            }
        });
    }

    private long count(String consumer) {
        return QuarkusTransaction.requiringNew().call(
                () -> jdbc.count("SELECT count(*) FROM processed_event WHERE consumer = ?", consumer));
    }
}
