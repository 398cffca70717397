package dev.openfactor.platform.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long {@code processed_event} rows are kept, and how they are purged. */
@ConfigMapping(prefix = "openfactor.consumer")
public interface ProcessedEventRetention {

    /**
     * How long an applied event id is remembered. A redelivery older than this would be applied
     * again, so it must exceed any redelivery a consumer can see: Kafka redelivers after a
     * rebalance or a restart, minutes at most, never a week.
     */
    @WithDefault("7d")
    Duration processedRetention();

    /** How often each replica looks for expired rows. */
    @WithDefault("10m")
    Duration purgeInterval();

    /** Rows deleted per transaction, so a large backlog never holds long locks. */
    @WithDefault("1000")
    int purgeBatchSize();
}
