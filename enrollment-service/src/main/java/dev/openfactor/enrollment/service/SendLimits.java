package dev.openfactor.enrollment.service;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.platform.ratelimit.RateLimiter;
import dev.openfactor.platform.ratelimit.SendQuota;
import jakarta.enterprise.context.ApplicationScoped;

/** Phone verification codes count against the platform's send quota (per user, number, tenant). */
@ApplicationScoped
class SendLimits {

    private final RateLimiter limiter;
    private final SendQuota quota;

    SendLimits(RateLimiter limiter, EnrollmentConfig config) {
        this.limiter = limiter;
        this.quota = SendQuota.of(config.phone().sendLimit(), config.phone().sendWindow(), config.phone().tenantDailyBudget());
    }

    /**
     * Counts one send, or throws 429 and counts none. Called before any row of the phone is
     * touched: the quota's key locks come first in every transaction that takes them.
     */
    void charge(MfaUser user, String e164) {
        quota.charge(limiter, user.tenantId(), user.userId(), e164);
    }
}
