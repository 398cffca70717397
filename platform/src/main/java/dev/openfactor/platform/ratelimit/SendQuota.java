package dev.openfactor.platform.ratelimit;

import java.time.Duration;

/**
 * The limits on codes sent to phones (SMS or voice), the same in every service that sends them:
 * per user (an attacker cycling numbers), per number (one victim flooded from many accounts),
 * and a daily budget per tenant (a toll-fraud pump that cycles users and numbers alike).
 */
public record SendQuota(RateRule perUser, RateRule perNumber, RateRule perTenantDaily) {

    public static SendQuota of(int perUserAndNumber, Duration window, int tenantDailyBudget) {
        return new SendQuota(new RateRule("code.user", perUserAndNumber, window),
                new RateRule("code.number", perUserAndNumber, window),
                new RateRule("code.tenant-daily", tenantDailyBudget, Duration.ofDays(1)));
    }

    /** Counts one send, or throws {@link RateLimitedException} and counts none. */
    public void charge(RateLimiter limiter, String tenantId, String userId, String e164) {
        limiter.charge("Too many codes were sent recently; try again later.",
                perUser.on(tenantId + "/" + userId), perNumber.on(tenantId + "/" + e164), perTenantDaily.on(tenantId));
    }
}
