package dev.openfactor.verification.service;

import java.util.function.LongSupplier;

import dev.openfactor.platform.ratelimit.RateLimiter;
import dev.openfactor.platform.ratelimit.RateRule;
import dev.openfactor.verification.config.VerificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many push prompts one user may get: at most {@code maxPending} open at once, and at most
 * {@code rateLimit} started per {@code rateWindow} (prompt bombing: a password thief retrying until
 * the user taps Approve to make it stop). Both are decided under the platform limiter's key lock.
 */
@ApplicationScoped
class PushLimits {

    private final RateLimiter limiter;
    private final RateRule pending;
    private final RateRule rate;

    PushLimits(RateLimiter limiter, VerificationConfig config) {
        this.limiter = limiter;
        this.pending = new RateRule("push.pending", config.push().maxPending(), config.push().lifetime());
        this.rate = new RateRule("push.user", config.push().rateLimit(), config.push().rateWindow());
    }

    /** Admits one more push for the user or throws 429; {@code pendingNow} counts their open ones. */
    void admit(String tenantId, String userId, LongSupplier pendingNow) {
        String key = tenantId + "/" + userId;
        limiter.requireRoom(pending, key, "Too many push sign-ins are pending for this user.", pendingNow);
        limiter.charge("Too many push sign-ins were started for this user; try again later.", rate.on(key));
    }
}
