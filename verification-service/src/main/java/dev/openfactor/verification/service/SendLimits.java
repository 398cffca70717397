package dev.openfactor.verification.service;

import dev.openfactor.platform.ratelimit.RateLimiter;
import dev.openfactor.platform.ratelimit.SendQuota;
import dev.openfactor.verification.config.VerificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Sign-in codes by SMS or voice count against the platform's send quota (per user, number, tenant). */
@ApplicationScoped
class SendLimits {

    private final RateLimiter limiter;
    private final SendQuota quota;

    SendLimits(RateLimiter limiter, VerificationConfig config) {
        this.limiter = limiter;
        this.quota = SendQuota.of(config.code().sendLimit(), config.code().sendWindow(), config.code().tenantDailyBudget());
    }

    /** Counts one send before it is queued; a refusal (429) queues nothing. */
    void charge(String tenantId, String userId, String number) {
        quota.charge(limiter, tenantId, userId, number);
    }
}
