package dev.openfactor.verification.service;

import dev.openfactor.verification.domain.Challenge;

/** A challenge as a service leaves it, with the attempts left before a lock (or on its code). */
public record Outcome(Challenge challenge, Integer remainingAttempts) {
}
