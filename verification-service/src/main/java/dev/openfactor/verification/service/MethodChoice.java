package dev.openfactor.verification.service;

import java.util.Optional;

import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.Profile;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which method a challenge uses: {@code auto} takes the user's default method, else push if they
 * have the app; a named method needs an active method of that kind (or the given {@code methodId}).
 */
@ApplicationScoped
class MethodChoice {

    record Chosen(ChallengeMethod method, Profile.Method profileMethod) {
    }

    Chosen choose(Profile profile, ChallengeMethod requested, String methodId) {
        if (requested == null) {
            throw ProblemException.invalidField("method", "is required");
        }
        if (requested == ChallengeMethod.AUTO) {
            return auto(profile);
        }
        Optional<Profile.Method> named = methodId == null ? Optional.empty() : profile.method(methodId);
        if (methodId != null && named.isEmpty()) {
            throw ProblemException.notFound("Method");
        }
        return switch (requested) {
            case PUSH -> profile.apps().isEmpty() ? none() : new Chosen(ChallengeMethod.PUSH, null);
            case TOTP -> named.filter(m -> m.totp() != null).or(() -> profile.codeGenerators().stream().findFirst())
                    .map(m -> new Chosen(ChallengeMethod.TOTP, methodId == null ? null : m)).orElseGet(MethodChoice::none);
            case RECOVERY_CODE -> profile.active().filter(m -> m.is("recovery_codes")).findFirst()
                    .map(m -> new Chosen(ChallengeMethod.RECOVERY_CODE, null)).orElseGet(MethodChoice::none);
            case SMS, VOICE -> phone(profile, named, requested.wireName())
                    .map(m -> new Chosen(requested, m)).orElseGet(MethodChoice::none);
            case AUTO -> throw new IllegalStateException();
        };
    }

    private Chosen auto(Profile profile) {
        Optional<Profile.Method> preferred = Optional.ofNullable(profile.defaultMethodId()).flatMap(profile::method);
        if (preferred.isPresent()) {
            Profile.Method m = preferred.get();
            if (m.is("authenticator_app")) {
                return new Chosen(ChallengeMethod.PUSH, null);
            }
            if (m.is("totp")) {
                return new Chosen(ChallengeMethod.TOTP, m);
            }
            if (m.is("phone") && m.phone() != null) {
                return new Chosen("voice".equals(m.phone().channel()) ? ChallengeMethod.VOICE : ChallengeMethod.SMS, m);
            }
        }
        return profile.apps().isEmpty() ? none() : new Chosen(ChallengeMethod.PUSH, null);
    }

    /** SMS goes to a phone that receives texts (mobile); any phone can take a voice call. */
    private static Optional<Profile.Method> phone(Profile profile, Optional<Profile.Method> named, String channel) {
        var candidates = named.isPresent() ? named.stream() : profile.active();
        return candidates.filter(m -> m.is("phone") && m.phone() != null)
                .filter(m -> "voice".equals(channel) || "sms".equals(m.phone().channel()))
                .findFirst();
    }

    private static Chosen none() {
        throw Problems.registrationRequired();
    }
}
