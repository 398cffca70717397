package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.platform.device.DeviceAuthenticator;
import dev.openfactor.platform.device.DeviceRequest;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.domain.UserLockedException;
import dev.openfactor.verification.repository.ChallengeRepository;
import dev.openfactor.verification.repository.ProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The phone app's side of push sign-in, every call signed by the device key: its user's pending
 * push challenges, and its answer. A wrong number denies the challenge and counts as a failure;
 * "it wasn't me" reports fraud and suspends push for the user.
 */
@ApplicationScoped
public class AppChallengeService {

    public enum Decision { APPROVE, DENY }

    private final ProfileRepository profiles;
    private final ChallengeRepository challenges;
    private final DeviceAuthenticator authenticator;
    private final GuardService guards;
    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    AppChallengeService(ProfileRepository profiles, ChallengeRepository challenges, DeviceAuthenticator authenticator,
            GuardService guards, ChallengeEvents events, AuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.challenges = challenges;
        this.authenticator = authenticator;
        this.guards = guards;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<Challenge> pending(DeviceRequest request, String deviceId) {
        ProfileRepository.DeviceRow device = authenticated(request, deviceId);
        return challenges.pendingPushFor(device.tenantId(), device.userId(), clock.instant());
    }

    @Transactional(dontRollbackOn = UserLockedException.class)
    public Challenge respond(DeviceRequest request, String deviceId, String challengeId, String decisionName,
            String numberMatch, String denyReason) {
        ProfileRepository.DeviceRow device = authenticated(request, deviceId);
        Decision decision = decision(decisionName, denyReason);
        Instant now = clock.instant();
        // Another user's challenge is as unknown to this device as a challenge that does not exist.
        Challenge c = challenges.lock(device.tenantId(), challengeId)
                .filter(found -> found.userId().equals(device.userId()) && found.method() == ChallengeMethod.PUSH)
                .orElseThrow(() -> ProblemException.notFound("Challenge"));
        c.requirePending(now);
        String actor = "device:" + deviceId;
        try {
            decide(c, decision, numberMatch, denyReason, actor, now);
        } catch (UserLockedException locked) {
            c.lockedMeanwhile(now);
        }
        challenges.save(c);
        events.ended(c, c.status(now), actor);
        return c;
    }

    /** The guard hears an approval first: a wrong number counts as a failure, the right one resets the count. */
    private void decide(Challenge c, Decision decision, String numberMatch, String denyReason, String actor, Instant now) {
        if (decision == Decision.APPROVE && c.numberMatches(numberMatch)) {
            guards.success(c.tenantId(), c.userId());
            c.approve(now);
        } else if (decision == Decision.APPROVE) {
            c.refuseWrongNumber(guards.failure(c.tenantId(), c.userId(), c.id()), now);
        } else {
            c.deny(denyReason, now);
            if (c.recordedStatus() == ChallengeStatus.FRAUD_REPORTED) {
                guards.suspendPush(c.tenantId(), c.userId());
                audit.record(c.tenantId(), c.userId(), "fraud.reported", "failure", actor, c.id(),
                        Map.of("context", Optional.ofNullable(c.context()).orElse("{}")));
            }
        }
    }

    /** Read only after the signature is checked: an unauthenticated caller learns nothing from a 400. */
    private static Decision decision(String name, String denyReason) {
        if ("approve".equals(name)) {
            return Decision.APPROVE;
        }
        if ("deny".equals(name) && (denyReason == null || "not_me".equals(denyReason) || "mistake".equals(denyReason))) {
            return Decision.DENY;
        }
        throw ProblemException.invalidField("decision", "must be approve, or deny with denyReason not_me or mistake");
    }

    private ProfileRepository.DeviceRow authenticated(DeviceRequest request, String deviceId) {
        Optional<ProfileRepository.DeviceRow> device = profiles.findDevice(deviceId);
        authenticator.require(request, deviceId, device.map(ProfileRepository.DeviceRow::publicKey));
        return device.orElseThrow();
    }
}
