package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.repository.CodeSendRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Sliding-window limits on SMS/voice codes per user and per number (toll fraud and flooding). */
@ApplicationScoped
class SendLimits {

    private final CodeSendRepository sends;
    private final VerificationConfig config;
    private final Clock clock;

    SendLimits(CodeSendRepository sends, VerificationConfig config, Clock clock) {
        this.sends = sends;
        this.config = config;
        this.clock = clock;
    }

    void check(String tenantId, String userId, String number) {
        Instant now = clock.instant();
        Instant since = now.minus(config.code().sendWindow());
        for (String scope : new String[] {"user:" + userId, "number:" + number}) {
            if (sends.countSince(tenantId, scope, since) >= config.code().sendLimit()) {
                Instant oldest = sends.oldestSince(tenantId, scope, since).orElse(now);
                Duration wait = Duration.between(now, oldest.plus(config.code().sendWindow()));
                throw Problems.rateLimited("Too many codes were sent recently; try again later.",
                        wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
        }
    }

    void record(String tenantId, String userId, String number) {
        Instant now = clock.instant();
        sends.record(tenantId, "user:" + userId, now);
        sends.record(tenantId, "number:" + number, now);
        sends.purgeBefore(now.minus(config.code().sendWindow().multipliedBy(2)));
    }
}
