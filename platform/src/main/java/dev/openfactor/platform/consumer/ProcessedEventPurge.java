package dev.openfactor.platform.consumer;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes {@code processed_event} rows older than {@code openfactor.consumer.processed-retention},
 * on every replica every {@code purge-interval}, in batches of one short transaction each. Two
 * replicas purging at once take different rows (SKIP LOCKED) instead of waiting for each other.
 */
@ApplicationScoped
public class ProcessedEventPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);

    private final ProcessedEventLog log;
    private final ProcessedEventRetention config;
    private final Clock clock;
    private final Counter purged;

    ProcessedEventPurge(ProcessedEventLog log, ProcessedEventRetention config, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.config = config;
        this.clock = clock;
        this.purged = meters.counter("openfactor.consumer.processed.purged");
    }

    /** Deletes every row older than the retention at {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        return purgeBefore(now.minus(config.processedRetention()), config.purgeBatchSize());
    }

    int purgeBefore(Instant cutoff, int batchSize) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> log.purgeBatchBefore(cutoff, batchSize));
            total += deleted;
            purged.increment(deleted);
        } while (deleted == batchSize);
        return total;
    }

    @Scheduled(every = "${openfactor.consumer.purge-interval}", delayed = "${openfactor.consumer.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeQuietly() {
        try {
            int n = purgeExpired(clock.instant());
            if (n > 0) {
                LOG.debugf("purged %d processed-event rows", n);
            }
        } catch (RuntimeException e) {
            // The database may be away for a while; the next round tries again.
            LOG.warnf("processed-event purge failed, will retry: %s", e.getMessage());
        }
    }
}
