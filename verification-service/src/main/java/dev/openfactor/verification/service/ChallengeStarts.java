package dev.openfactor.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.openfactor.platform.otp.HashedCode;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.config.VerificationConfig;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.InvalidCodeException;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.domain.UserGuard;
import dev.openfactor.verification.factor.NumberMatch;
import dev.openfactor.verification.messaging.ChallengeNotifier;
import dev.openfactor.verification.repository.ChallengeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A challenge started in one transaction: a push or a sent code goes out pending, a typed code
 * is decided at once by {@link CodeChecks} (a wrong one is committed with its count toward the
 * lockout, although the caller gets an error).
 */
@ApplicationScoped
class ChallengeStarts {

    private final ChallengeRepository challenges;
    private final CodeChecks checks;
    private final SendLimits limits;
    private final PushLimits pushLimits;
    private final ChallengeNotifier notifier;
    private final ChallengeEvents events;
    private final VerificationConfig config;
    private final Clock clock;

    ChallengeStarts(ChallengeRepository challenges, CodeChecks checks, SendLimits limits, PushLimits pushLimits,
            ChallengeNotifier notifier, ChallengeEvents events, VerificationConfig config, Clock clock) {
        this.challenges = challenges;
        this.checks = checks;
        this.limits = limits;
        this.pushLimits = pushLimits;
        this.notifier = notifier;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** {@code context} is the caller's context as JSON, {@code contextMap} the same as given. */
    @Transactional(dontRollbackOn = InvalidCodeException.class)
    Outcome start(Profile profile, UserGuard guard, MethodChoice.Chosen chosen, String code, Map<String, String> contextMap,
            String context) {
        Instant now = clock.instant();
        return switch (chosen.method()) {
            case PUSH -> push(profile, guard, contextMap, context, now);
            case SMS, VOICE -> sendCode(profile, chosen, context, now);
            case TOTP, RECOVERY_CODE -> typedCode(profile, chosen, code, context, now);
            case AUTO -> throw new IllegalStateException("auto is resolved by MethodChoice");
        };
    }

    private Outcome push(Profile profile, UserGuard guard, Map<String, String> contextMap, String context, Instant now) {
        String tenantId = profile.tenantId();
        String userId = profile.userId();
        var suspended = guard.pushSuspendedFor(now);
        if (!suspended.isZero()) {
            throw Problems.pushSuspended(suspended);
        }
        pushLimits.admit(tenantId, userId, () -> challenges.pendingPush(tenantId, userId, now));
        Challenge c = Challenge.openPush(tenantId, userId, context, NumberMatch.next(config.push().numberMatchDigits()),
                now, now.plus(config.push().lifetime()));
        c.pushQueued(notifier.push(c, profile, contextMap));
        challenges.insert(c);
        events.created(c);
        return new Outcome(c, null);
    }

    private Outcome sendCode(Profile profile, MethodChoice.Chosen chosen, String context, Instant now) {
        Profile.Method phone = chosen.profileMethod();
        limits.charge(profile.tenantId(), profile.userId(), phone.phone().number());
        String code = HashedCode.randomDigits(6);
        Challenge c = Challenge.openSentCode(profile.tenantId(), profile.userId(), chosen.method(), phone.methodId(), context,
                HashedCode.of(code), now, now.plus(config.code().lifetime()), config.code().attempts());
        challenges.insert(c);
        notifier.code(c, profile, phone, chosen.method().wireName(), code);
        events.created(c);
        return new Outcome(c, config.code().attempts());
    }

    private Outcome typedCode(Profile profile, MethodChoice.Chosen chosen, String code, String context, Instant now) {
        Challenge c = Challenge.openTypedCode(profile.tenantId(), profile.userId(), chosen.method(),
                Optional.ofNullable(chosen.profileMethod()).map(Profile.Method::methodId).orElse(null), context, now,
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

}
