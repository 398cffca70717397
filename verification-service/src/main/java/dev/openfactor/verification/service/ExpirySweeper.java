package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;

import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.repository.ChallengeRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records the expiry of challenges nobody reads (reads record it themselves), so each expiry is
 * audited once and long-pollers wake. SKIP LOCKED lets replicas sweep side by side.
 */
@ApplicationScoped
class ExpirySweeper {

    private final ChallengeRepository challenges;
    private final ChallengeEvents events;
    private final Clock clock;

    ExpirySweeper(ChallengeRepository challenges, ChallengeEvents events, Clock clock) {
        this.challenges = challenges;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${openfactor.verification.expiry-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sweep() {
        Instant now = clock.instant();
        for (Challenge c : challenges.lockOverdue(now, 500)) {
            if (c.expireIfDue(now)) {
                challenges.save(c);
                events.ended(c, ChallengeStatus.EXPIRED, "system");
            }
        }
    }
}
