package dev.openfactor.enrollment.domain;

import java.util.List;

/** A user with all their methods: what the API shows and what a profile snapshot carries. */
public record UserProfile(MfaUser user, List<Method> methods) {

    public RegistrationState registrationState() {
        return RegistrationState.of(user, methods);
    }
}
