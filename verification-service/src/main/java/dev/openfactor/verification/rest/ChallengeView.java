package dev.openfactor.verification.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.service.Outcome;

/** A challenge as API.md shows it to the frontend; {@code numberMatch} only when a push is created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChallengeView(String challengeId, ChallengeStatus status, ChallengeMethod method, String numberMatch,
        Instant expiresAt, Challenge.Delivery delivery, String reason, Integer remainingAttempts) {

    static ChallengeView of(Challenge c, Instant now) {
        return new ChallengeView(c.id(), c.status(now), c.method(), null, c.expiresAt(), c.delivery(), c.reason(), null);
    }

    static ChallengeView created(Outcome o, Instant now) {
        Challenge c = o.challenge();
        boolean push = c.method() == ChallengeMethod.PUSH;
        return new ChallengeView(c.id(), c.status(now), c.method(), push ? c.numberMatch() : null, c.expiresAt(),
                c.delivery(), null, c.status(now) == ChallengeStatus.PENDING ? null : o.remainingAttempts());
    }

    static ChallengeView decided(Outcome o, Instant now) {
        Challenge c = o.challenge();
        return new ChallengeView(c.id(), c.status(now), c.method(), null, null, null, null, o.remainingAttempts());
    }
}
