package dev.openfactor.verification.service;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.domain.SignInSubject;
import dev.openfactor.verification.repository.ChallengeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Starting, reading and cancelling sign-in challenges. Codes typed with the request (TOTP,
 * recovery) are decided at once; push, SMS and voice stay pending.
 */
@ApplicationScoped
public class ChallengeService {

    private final Profiles profiles;
    private final ChallengeRepository challenges;
    private final MethodChoice choice;
    private final GuardService guards;
    private final TotpSignIn totpSignIn;
    private final ChallengeStarts starts;
    private final ChallengeEvents events;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChallengeService(Profiles profiles, ChallengeRepository challenges, MethodChoice choice, GuardService guards,
            TotpSignIn totpSignIn, ChallengeStarts starts, ChallengeEvents events, ObjectMapper mapper, Clock clock) {
        this.profiles = profiles;
        this.challenges = challenges;
        this.choice = choice;
        this.guards = guards;
        this.totpSignIn = totpSignIn;
        this.starts = starts;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Not one transaction: the read and the choice need none, a right TOTP code is approved by
     * one statement that commits by itself ({@link TotpSignIn}, the hottest path), and every other
     * start, a wrong or replayed code included, runs in {@link ChallengeStarts}' transaction.
     */
    public Outcome create(String tenantId, ChallengeRequest request) {
        SignInSubject subject = profiles.registeredSubject(tenantId, request.userId());
        guards.requireUnlocked(subject.guard());
        Profile profile = subject.profile();
        MethodChoice.Chosen chosen = choice.choose(profile, request.method(), request.methodId());
        Map<String, String> context = request.context() == null ? Map.of() : request.context();
        String contextJson = json(context);
        if (chosen.method() == ChallengeMethod.TOTP && request.code() != null) {
            Optional<Outcome> approved = totpSignIn.approve(profile, chosen, request.code(), contextJson);
            if (approved.isPresent()) {
                return approved.get();
            }
        }
        return starts.start(profile, subject.guard(), chosen, request.code(), context, contextJson);
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

    private String json(Map<String, String> context) {
        try {
            return mapper.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
