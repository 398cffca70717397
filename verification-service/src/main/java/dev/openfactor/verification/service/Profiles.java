package dev.openfactor.verification.service;

import dev.openfactor.verification.domain.Problems;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.repository.ProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Registered users' profiles from the projection; anyone else cannot be challenged. */
@ApplicationScoped
class Profiles {

    private final ProfileRepository profiles;

    Profiles(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    Profile registered(String tenantId, String userId) {
        return profiles.find(tenantId, userId).filter(Profile::registered).orElseThrow(Problems::registrationRequired);
    }
}
