package dev.openfactor.enrollment.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.CodeSend;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.RateLimitedException;
import dev.openfactor.enrollment.repository.CodeSendRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sliding-window limits on codes sent: per user (an attacker cycling numbers) and per number
 * (one victim's phone flooded from many accounts). Checked before a send, recorded with it.
 */
@ApplicationScoped
class SendLimits {

    private final CodeSendRepository sends;
    private final EnrollmentConfig config;
    private final Clock clock;

    SendLimits(CodeSendRepository sends, EnrollmentConfig config, Clock clock) {
        this.sends = sends;
        this.config = config;
        this.clock = clock;
    }

    void check(MfaUser user, String e164) {
        Instant now = clock.instant();
        Instant since = now.minus(config.phone().sendWindow());
        for (String scope : new String[] {userScope(user), numberScope(e164)}) {
            if (sends.countSince(user.tenantId(), scope, since) >= config.phone().sendLimit()) {
                Instant oldest = sends.oldestSince(user.tenantId(), scope, since).orElse(now);
                Duration wait = Duration.between(now, oldest.plus(config.phone().sendWindow()));
                throw new RateLimitedException(wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
        }
    }

    void record(MfaUser user, String e164) {
        Instant now = clock.instant();
        sends.persist(new CodeSend(user.tenantId(), userScope(user), now));
        sends.persist(new CodeSend(user.tenantId(), numberScope(e164), now));
        sends.purgeBefore(now.minus(config.phone().sendWindow()).minus(config.phone().sendWindow()));
    }

    private static String userScope(MfaUser user) {
        return "user:" + user.id();
    }

    private static String numberScope(String e164) {
        return "number:" + e164;
    }
}
