package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.otp.HashedCode;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.domain.InvalidCodeException;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.domain.SignInSubject;
import dev.openfactor.verification.domain.UserGuard;
import dev.openfactor.verification.factor.NumberMatch;
import dev.openfactor.verification.messaging.ChallengeNotifier;
import dev.openfactor.verification.repository.ChallengeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Starting, reading and cancelling sign-in challenges. Codes typed with the request (TOTP,
 * recovery) are decided at once by {@link CodeChecks}; push, SMS and voice stay pending.
 */
@ApplicationScoped
public class ChallengeService {

    private final Profiles profiles;
    private final ChallengeRepository challenges;
    private final MethodChoice choice;
    private final CodeChecks checks;
    private final GuardService guards;
    private final SendLimits limits;
    private final PushLimits pushLimits;
    private final ChallengeNotifier notifier;
    private final ChallengeEvents events;
    private final VerificationConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChallengeService(Profiles profiles, ChallengeRepository challenges, MethodChoice choice, CodeChecks checks,
            GuardService guards, SendLimits limits, PushLimits pushLimits, ChallengeNotifier notifier, ChallengeEvents events,
            VerificationConfig config, ObjectMapper mapper, Clock clock) {
        this.profiles = profiles;
        this.challenges = challenges;
        this.choice = choice;
        this.checks = checks;
        this.guards = guards;
        this.limits = limits;
        this.pushLimits = pushLimits;
        this.notifier = notifier;
        this.events = events;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(dontRollbackOn = InvalidCodeException.class)
    public Outcome create(String tenantId, ChallengeRequest request) {
        SignInSubject subject = profiles.registeredSubject(tenantId, request.userId());
        guards.requireUnlocked(subject.guard());
        Profile profile = subject.profile();
        MethodChoice.Chosen chosen = choice.choose(profile, request.method(), request.methodId());
        Instant now = clock.instant();
        Map<String, String> context = request.context() == null ? Map.of() : request.context();
        return switch (chosen.method()) {
            case PUSH -> push(profile, subject.guard(), context, now);
            case SMS, VOICE -> sendCode(profile, chosen, context, now);
            case TOTP, RECOVERY_CODE -> typedCode(profile, chosen, request.code(), context, now);
            case AUTO -> throw new IllegalStateException("auto is resolved by MethodChoice");
        };
    }

    /** Reading an overdue challenge records its expiry (the sweeper does the same for unread ones). */
    @Transactional
    public Challenge get(String tenantId, String challengeId) {
        Challenge c = challenges.find(tenantId, challengeId).orElseThrow(() -> ProblemException.notFound("Challenge"));
        if (c.expireIfDue(clock.instant())) {
            if (!challenges.save(c)) { // decided meanwhile: show that decision
                return challenges.find(tenantId, challengeId).orElseThrow();
            }
            events.ended(c, ChallengeStatus.EXPIRED, "system");
        }
        return c;
    }

    @Transactional
    public Challenge cancel(String tenantId, String challengeId) {
        Challenge c = challenges.lock(tenantId, challengeId).orElseThrow(() -> ProblemException.notFound("Challenge"));
        c.cancel(clock.instant());
        challenges.save(c);
        events.ended(c, ChallengeStatus.CANCELLED, "frontend");
        return c;
    }

    private Outcome push(Profile profile, UserGuard guard, Map<String, String> context, Instant now) {
        String tenantId = profile.tenantId();
        String userId = profile.userId();
        var suspended = guard.pushSuspendedFor(now);
        if (!suspended.isZero()) {
            throw Problems.pushSuspended(suspended);
        }
        pushLimits.admit(tenantId, userId, () -> challenges.pendingPush(tenantId, userId, now));
        Challenge c = Challenge.openPush(tenantId, userId, json(context), NumberMatch.next(config.push().numberMatchDigits()),
                now, now.plus(config.push().lifetime()));
        c.pushQueued(notifier.push(c, profile, context));
        challenges.insert(c);
        events.created(c);
        return new Outcome(c, null);
    }

    private Outcome sendCode(Profile profile, MethodChoice.Chosen chosen, Map<String, String> context, Instant now) {
        Profile.Method phone = chosen.profileMethod();
        limits.charge(profile.tenantId(), profile.userId(), phone.phone().number());
        String code = HashedCode.randomDigits(6);
        Challenge c = Challenge.openSentCode(profile.tenantId(), profile.userId(), chosen.method(), phone.methodId(), json(context),
                HashedCode.of(code), now, now.plus(config.code().lifetime()), config.code().attempts());
        challenges.insert(c);
        notifier.code(c, profile, phone, chosen.method().wireName(), code);
        events.created(c);
        return new Outcome(c, config.code().attempts());
    }

    private Outcome typedCode(Profile profile, MethodChoice.Chosen chosen, String code, Map<String, String> context,
            Instant now) {
        Challenge c = Challenge.openTypedCode(profile.tenantId(), profile.userId(), chosen.method(),
                Optional.ofNullable(chosen.profileMethod()).map(Profile.Method::methodId).orElse(null), json(context), now,
                now.plus(config.code().totpLifetime()));
        if (code == null) {
            if (chosen.method() == ChallengeMethod.RECOVERY_CODE) {
                throw ProblemException.invalidField("code", "is required for recovery_code");
            }
            challenges.insert(c);
            events.created(c);
            return new Outcome(c, null);
        }
        Outcome decided = checks.decideNow(c, profile, code);
        challenges.insert(c); // after the decision: one INSERT in its final state, no UPDATE
        return decided;
    }

    private String json(Map<String, String> context) {
        try {
            return mapper.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
