package dev.openfactor.platform.ratelimit;

import java.time.Duration;

/**
 * At most {@code max} events per key within any {@code window} (a sliding window: the limit holds
 * over every span of that length, not per calendar slot).
 */
public record RateRule(String name, int max, Duration window) {

    public RateRule {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate rule " + name + " needs max >= 1 and a positive window");
        }
    }

    /** This rule applied to one key, e.g. {@code tenantId + "/" + userId}. */
    public Charge on(String key) {
        return new Charge(this, key);
    }

    public record Charge(RateRule rule, String key) {

        String bucket() {
            return rule.name() + ":" + key;
        }
    }
}
