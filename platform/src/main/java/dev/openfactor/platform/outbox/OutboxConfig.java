package dev.openfactor.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "openfactor.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay; every replica may, SKIP LOCKED keeps them apart. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for rows when no commit has woken it. */
    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** Longest wait for the broker to acknowledge a batch before the batch is retried. */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** The longest pause between retries while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long published rows are kept for inspection before they are purged. */
    @WithDefault("24h")
    Duration retention();
}
