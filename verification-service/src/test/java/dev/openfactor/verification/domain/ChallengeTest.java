package dev.openfactor.verification.domain;

import static dev.openfactor.verification.domain.Challenges.after;
import static dev.openfactor.verification.domain.Challenges.during;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The challenge's state machine on its own: every ending, and that an ended challenge stays ended. */
class ChallengeTest {

    @Test
    void newChallengesArePendingUntilTheirExpiryThenExpiredWithoutAWrite() {
        Challenge c = Challenges.push("42");
        assertEquals(ChallengeStatus.PENDING, c.status(during()));
        assertEquals(ChallengeStatus.EXPIRED, c.status(after()));
        assertEquals(ChallengeStatus.PENDING, c.recordedStatus(), "reading never changes what is stored");
        assertFalse(c.expireIfDue(during()));
        assertTrue(c.expireIfDue(after()));
        assertEquals(ChallengeStatus.EXPIRED, c.recordedStatus());
        assertEquals("timeout", c.reason());
        assertEquals(after(), c.decidedAt());
        assertFalse(c.expireIfDue(after().plusSeconds(1)), "an expiry is recorded once");
    }

    @Test
    void pushApprovedOnlyWithTheNumberShownOnTheSignInPage() {
        Challenge c = Challenges.push("42");
        assertFalse(c.numberMatches("24"));
        assertFalse(c.numberMatches(null));
        assertFalse(c.numberMatches("042"));
        assertTrue(c.numberMatches(" 42 "));
        c.approve(during());
        assertEquals(ChallengeStatus.APPROVED, c.status(during()));
        assertEquals(ChallengeStatus.APPROVED, c.status(after()), "a decision outlives the expiry");
        assertNull(c.reason());
    }

    @Test
    void wrongNumberDeniesOrLocksAsTheGuardSays() {
        Challenge denied = Challenges.push("42");
        denied.refuseWrongNumber(3, during());
        assertEquals(ChallengeStatus.DENIED, denied.recordedStatus());
        assertEquals("wrong_number", denied.reason());

        Challenge locked = Challenges.push("42");
        locked.refuseWrongNumber(0, during());
        assertEquals(ChallengeStatus.LOCKED, locked.recordedStatus());
        assertEquals("wrong_number", locked.reason());
    }

    @Test
    void denyWithNotMeIsAFraudReportAnythingElseADenial() {
        Challenge fraud = Challenges.push("42");
        fraud.deny("not_me", during());
        assertEquals(ChallengeStatus.FRAUD_REPORTED, fraud.recordedStatus());
        assertEquals("not_me", fraud.reason());

        Challenge mistake = Challenges.push("42");
        mistake.deny("mistake", during());
        assertEquals(ChallengeStatus.DENIED, mistake.recordedStatus());
        assertEquals("mistake", mistake.reason());

        Challenge plain = Challenges.push("42");
        plain.deny(null, during());
        assertEquals("denied", plain.reason());
    }

    @Test
    void pushWithoutADeviceIsMarkedFailedAtOnce() {
        Challenge none = Challenges.push("42");
        none.pushQueued(0);
        assertEquals(Challenge.Delivery.FAILED, none.delivery());
        Challenge some = Challenges.push("42");
        some.pushQueued(2);
        assertEquals(Challenge.Delivery.QUEUED, some.delivery());
    }

    @Test
    void sentCodeSpendsItsOwnAttemptsThenIsDenied() {
        Challenge c = Challenges.sms("123456", 3);
        assertFalse(c.sentCodeMatches("654321"));
        assertEquals(2, c.refuseVerifiedCode(9, during()));
        assertEquals(1, c.refuseVerifiedCode(8, during()));
        assertEquals(ChallengeStatus.PENDING, c.recordedStatus());
        assertEquals(0, c.refuseVerifiedCode(7, during()));
        assertEquals(ChallengeStatus.DENIED, c.recordedStatus());
        assertEquals("attempts_exhausted", c.reason());
        assertEquals(0, c.attemptsLeft());
    }

    @Test
    void attemptsShownAreTheFewerOfTheCodesAndTheLockouts() {
        Challenge c = Challenges.sms("123456", 3);
        assertEquals(1, c.refuseVerifiedCode(1, during()), "one failure from the lock, two code attempts left");
        assertEquals(ChallengeStatus.PENDING, c.recordedStatus());
    }

    @Test
    void aFailureThatLocksTheUserLocksTheChallenge() {
        Challenge c = Challenges.sms("123456", 3);
        assertEquals(0, c.refuseVerifiedCode(0, during()));
        assertEquals(ChallengeStatus.LOCKED, c.recordedStatus());
        assertEquals("too_many_failures", c.reason());
    }

    @Test
    void pendingTotpAtVerifyCountsOnlyTheLockout() {
        Challenge c = Challenges.totp();
        assertEquals(4, c.refuseVerifiedCode(4, during()));
        assertEquals(1, c.attemptsLeft(), "a TOTP challenge has no attempts of its own to spend");
        assertEquals(ChallengeStatus.PENDING, c.recordedStatus());
    }

    @Test
    void sentCodeMatchesOnlyItsOwnCode() {
        Challenge c = Challenges.sms("123456", 3);
        assertTrue(c.sentCodeMatches("123456"));
        assertFalse(c.sentCodeMatches("123457"));
        assertFalse(Challenges.totp().sentCodeMatches("123456"), "no code was sent for a TOTP challenge");
    }

    @Test
    void onlyCodeChallengesOtherThanRecoveryAreAnsweredAtVerify() {
        Challenges.sms("123456", 3).requireAnsweredByVerify();
        Challenges.totp().requireAnsweredByVerify();
        assertThrows(ChallengeStateException.class, () -> Challenges.push("42").requireAnsweredByVerify());
        assertThrows(ChallengeStateException.class, () -> Challenges.recovery().requireAnsweredByVerify());
    }

    @Test
    void typedCodeIsApprovedDeniedOrLockedAtOnce() {
        Challenge right = Challenges.totp();
        right.approve(Challenges.T0);
        assertEquals(ChallengeStatus.APPROVED, right.recordedStatus());

        Challenge wrong = Challenges.recovery();
        wrong.refuseTypedCode(4, Challenges.T0);
        assertEquals(ChallengeStatus.DENIED, wrong.recordedStatus());
        assertEquals("invalid_code", wrong.reason());

        Challenge locking = Challenges.totp();
        locking.refuseTypedCode(0, Challenges.T0);
        assertEquals(ChallengeStatus.LOCKED, locking.recordedStatus());
    }

    @Test
    void cancellingAPendingChallengeEndsItButAnExpiredOneCannotBeCancelled() {
        Challenge c = Challenges.push("42");
        c.cancel(during());
        assertEquals(ChallengeStatus.CANCELLED, c.recordedStatus());
        assertEquals("cancelled", c.reason());

        Challenge late = Challenges.push("42");
        ChallengeStateException e = assertThrows(ChallengeStateException.class, () -> late.cancel(after()));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void aLockElsewhereEndsWhatIsPendingAndOnlyThat() {
        Challenge pending = Challenges.push("42");
        pending.lockedMeanwhile(during());
        assertEquals(ChallengeStatus.LOCKED, pending.recordedStatus());
        assertEquals("user_locked", pending.reason());

        Challenge decided = Challenges.push("42");
        decided.approve(during());
        decided.lockedMeanwhile(during());
        assertEquals(ChallengeStatus.APPROVED, decided.recordedStatus(), "a decision already taken stands");

        Challenge other = Challenges.sms("123456", 3);
        other.endByLock(during());
        assertEquals(ChallengeStatus.LOCKED, other.recordedStatus());
    }

    @Test
    void anEndedChallengeRefusesEveryFurtherEnding() {
        List<Consumer<Challenge>> endings = List.of(
                c -> c.approve(during()),
                c -> c.deny(null, during()),
                c -> c.deny("not_me", during()),
                c -> c.refuseWrongNumber(3, during()),
                c -> c.refuseTypedCode(3, during()),
                c -> c.refuseVerifiedCode(3, during()),
                c -> c.cancel(during()),
                c -> c.endByLock(during()));
        for (Consumer<Challenge> first : endings) {
            for (Consumer<Challenge> second : endings) {
                Challenge c = Challenges.sms("123456", 1);
                first.accept(c);
                if (c.recordedStatus() == ChallengeStatus.PENDING) {
                    continue; // a refusal with attempts left does not end it
                }
                ChallengeStatus ended = c.recordedStatus();
                assertThrows(ChallengeStateException.class, () -> second.accept(c));
                assertEquals(ended, c.recordedStatus());
            }
        }
    }

    @Test
    void requirePendingNamesTheStateItFound() {
        Challenge c = Challenges.push("42");
        c.requirePending(during());
        assertTrue(assertThrows(ChallengeStateException.class, () -> c.requirePending(after())).getMessage().contains("expired"));
        c.deny(null, during());
        assertTrue(assertThrows(ChallengeStateException.class, () -> c.requirePending(during())).getMessage().contains("denied"));
    }
}
