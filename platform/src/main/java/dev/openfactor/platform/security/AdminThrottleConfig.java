package dev.openfactor.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How hard repeated admin-token failures from one address are slowed down ({@link AdminTokenThrottle}). */
@ConfigMapping(prefix = "openfactor.security.admin-throttle")
public interface AdminThrottleConfig {

    /** Wrong tokens from one address within {@link #window()} before its admin requests get 429. */
    @WithDefault("5")
    int maxFailures();

    @WithDefault("1m")
    Duration window();

    /** Addresses tracked at once; beyond that they share one window (memory stays bounded). */
    @WithDefault("10000")
    int maxAddresses();
}
