package dev.openfactor.verification.service;

import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.domain.SignInSubject;
import dev.openfactor.verification.repository.ProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Registered users' profiles from the projection; anyone else cannot be challenged. */
@ApplicationScoped
class Profiles {

    private final ProfileRepository profiles;

    Profiles(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    /** A registered user's profile with their guard, for starting a sign-in. */
    SignInSubject registeredSubject(String tenantId, String userId) {
        return profiles.findSubject(tenantId, userId).filter(s -> s.profile().registered())
                .orElseThrow(Problems::registrationRequired);
    }

    Profile registered(String tenantId, String userId) {
        return profiles.find(tenantId, userId).filter(Profile::registered).orElseThrow(Problems::registrationRequired);
    }
}
