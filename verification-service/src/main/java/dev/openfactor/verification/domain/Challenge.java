package dev.openfactor.verification.domain;

import java.time.Instant;
import java.util.UUID;

import dev.openfactor.platform.otp.HashedCode;
import dev.openfactor.verification.factor.NumberMatch;

/**
 * One sign-in attempt, and the rules of its life: pending until approved, denied, cancelled,
 * reported as fraud, locked or expired; an ended challenge never changes again. The services
 * load it, call one of these methods, save it and publish what changed; the user's lockout is
 * {@link UserGuard}'s, and a method here that depends on it takes the guard's answer.
 */
public final class Challenge {

    private final String id;
    private final String tenantId;
    private final String userId;
    private final ChallengeMethod method;
    private final String methodId;
    private final String numberMatch;
    private final String codeSalt;
    private final String codeHash;
    private final String context;
    private final Instant expiresAt;
    private final Instant createdAt;
    private ChallengeStatus status;
    private Delivery delivery;
    private int attemptsLeft;
    private String reason;
    private Instant decidedAt;

    public enum Delivery {
        QUEUED, SENT, FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase();
        }
    }

    /** Every field as stored; {@link #openPush}, {@link #openSentCode} and {@link #openTypedCode} make new ones. */
    public Challenge(String id, String tenantId, String userId, ChallengeMethod method, String methodId, ChallengeStatus status,
            Delivery delivery, String numberMatch, String codeSalt, String codeHash, int attemptsLeft, String context,
            String reason, Instant expiresAt, Instant createdAt, Instant decidedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.method = method;
        this.methodId = methodId;
        this.status = status;
        this.delivery = delivery;
        this.numberMatch = numberMatch;
        this.codeSalt = codeSalt;
        this.codeHash = codeHash;
        this.attemptsLeft = attemptsLeft;
        this.context = context;
        this.reason = reason;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
        this.decidedAt = decidedAt;
    }

    /** A push: the app's user must type {@code numberMatch}; one answer decides it. */
    public static Challenge openPush(String tenantId, String userId, String context, String numberMatch, Instant now,
            Instant expiresAt) {
        return new Challenge(UUID.randomUUID().toString(), tenantId, userId, ChallengeMethod.PUSH, null, ChallengeStatus.PENDING,
                null, numberMatch, null, null, 1, context, null, expiresAt, now, null);
    }

    /** An SMS or voice code, stored only as {@code code}'s salted hash, with {@code attempts} tries. */
    public static Challenge openSentCode(String tenantId, String userId, ChallengeMethod method, String methodId, String context,
            HashedCode code, Instant now, Instant expiresAt, int attempts) {
        return new Challenge(UUID.randomUUID().toString(), tenantId, userId, method, methodId, ChallengeStatus.PENDING,
                Delivery.QUEUED, null, code.salt(), code.hash(), attempts, context, null, expiresAt, now, null);
    }

    /** A code the user already has (TOTP, recovery): decided at once when the code comes with it. */
    public static Challenge openTypedCode(String tenantId, String userId, ChallengeMethod method, String methodId,
            String context, Instant now, Instant expiresAt) {
        return new Challenge(UUID.randomUUID().toString(), tenantId, userId, method, methodId, ChallengeStatus.PENDING,
                null, null, null, null, 1, context, null, expiresAt, now, null);
    }

    /** Whether the push went out to at least one of the user's devices. */
    public void pushQueued(int devices) {
        delivery = devices > 0 ? Delivery.QUEUED : Delivery.FAILED;
    }

    /** Pending past its expiry counts as expired even before anyone records it. */
    public ChallengeStatus status(Instant now) {
        return status == ChallengeStatus.PENDING && !now.isBefore(expiresAt) ? ChallengeStatus.EXPIRED : status;
    }

    public boolean isPending(Instant now) {
        return status(now) == ChallengeStatus.PENDING;
    }

    /** Only a pending challenge may be answered. */
    public void requirePending(Instant now) {
        if (!isPending(now)) {
            throw new ChallengeStateException("the challenge is " + status(now).wireName());
        }
    }

    /** Records an expiry that is due; true if this call recorded it. */
    public boolean expireIfDue(Instant now) {
        if (status == ChallengeStatus.PENDING && !now.isBefore(expiresAt)) {
            end(ChallengeStatus.EXPIRED, "timeout", now);
            return true;
        }
        return false;
    }

    /** The frontend gave up on it. */
    public void cancel(Instant now) {
        expireIfDue(now);
        end(ChallengeStatus.CANCELLED, "cancelled", now);
    }

    /** The right code or number, and the guard let it count. */
    public void approve(Instant now) {
        end(ChallengeStatus.APPROVED, null, now);
    }

    /** The user was locked by another request while this one was answered: nothing may approve it now. */
    public void lockedMeanwhile(Instant now) {
        if (status == ChallengeStatus.PENDING) {
            endByLock(now);
        }
    }

    /** A TOTP or recovery code that came with the request was wrong; {@code lockLeft} is the guard's count after it. */
    public void refuseTypedCode(int lockLeft, Instant now) {
        end(lockLeft == 0 ? ChallengeStatus.LOCKED : ChallengeStatus.DENIED, "invalid_code", now);
    }

    /** Whether this challenge is answered later with {@code POST /verify} (SMS, voice, a pending TOTP). */
    public void requireAnsweredByVerify() {
        if (!method.takesCode() || method == ChallengeMethod.RECOVERY_CODE) {
            throw new ChallengeStateException("this challenge is not answered by a code");
        }
    }

    /** The code sent by SMS or voice, compared with its stored hash. */
    public boolean sentCodeMatches(String code) {
        return codeHash != null && new HashedCode(codeSalt, codeHash).matches(code);
    }

    /**
     * A wrong code at {@code /verify}; {@code lockLeft} is the guard's count after it. A sent code
     * also spends one of its own attempts. Ends the challenge when the user is locked or the
     * attempts run out; answers the attempts left to show.
     */
    public int refuseVerifiedCode(int lockLeft, Instant now) {
        requireNotEnded();
        if (method != ChallengeMethod.TOTP) {
            attemptsLeft = Math.max(0, attemptsLeft - 1);
        }
        int codeLeft = method == ChallengeMethod.TOTP ? lockLeft : Math.min(attemptsLeft, lockLeft);
        if (lockLeft == 0) {
            end(ChallengeStatus.LOCKED, "too_many_failures", now);
        } else if (codeLeft == 0) {
            end(ChallengeStatus.DENIED, "attempts_exhausted", now);
        }
        return codeLeft;
    }

    /** Whether the app's user typed the number the sign-in page shows (compared in constant time). */
    public boolean numberMatches(String typed) {
        return numberMatch != null && NumberMatch.matches(numberMatch, typed);
    }

    /** Approve with a wrong number; {@code lockLeft} is the guard's count after it. */
    public void refuseWrongNumber(int lockLeft, Instant now) {
        end(lockLeft == 0 ? ChallengeStatus.LOCKED : ChallengeStatus.DENIED, "wrong_number", now);
    }

    /** The app's deny: {@code not_me} reports fraud, anything else is a plain denial. */
    public void deny(String denyReason, Instant now) {
        if ("not_me".equals(denyReason)) {
            end(ChallengeStatus.FRAUD_REPORTED, "not_me", now);
        } else {
            end(ChallengeStatus.DENIED, denyReason == null ? "denied" : denyReason, now);
        }
    }

    /** The user was locked by a failure elsewhere: what they had pending ends with it. */
    public void endByLock(Instant now) {
        end(ChallengeStatus.LOCKED, "user_locked", now);
    }

    private void end(ChallengeStatus outcome, String why, Instant now) {
        requireNotEnded();
        status = outcome;
        reason = why;
        decidedAt = now;
    }

    private void requireNotEnded() {
        if (status.isFinal()) {
            throw new ChallengeStateException("the challenge has already ended (" + status.wireName() + ")");
        }
    }

    /** Status as stored (pending may be past its expiry); for saving, not for deciding. */
    public ChallengeStatus recordedStatus() { return status; }
    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String userId() { return userId; }
    public ChallengeMethod method() { return method; }
    public String methodId() { return methodId; }
    public Delivery delivery() { return delivery; }
    public String numberMatch() { return numberMatch; }
    public String codeSalt() { return codeSalt; }
    public String codeHash() { return codeHash; }
    public int attemptsLeft() { return attemptsLeft; }
    public String context() { return context; }
    public String reason() { return reason; }
    public Instant expiresAt() { return expiresAt; }
    public Instant createdAt() { return createdAt; }
    public Instant decidedAt() { return decidedAt; }
}
