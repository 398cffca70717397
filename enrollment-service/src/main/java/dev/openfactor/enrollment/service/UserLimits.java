package dev.openfactor.enrollment.service;

import java.time.Clock;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.LimitReachedException;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.repository.ActivationRepository;
import dev.openfactor.enrollment.repository.DeviceRepository;
import dev.openfactor.enrollment.repository.MethodRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-user caps of {@link EnrollmentConfig.Limits}. The database counts; callers must hold
 * the user's row lock ({@link Profiles#existing}, {@link Profiles#findOrCreate}) first, so that parallel creations for
 * one user are counted one after the other and never admit more than the cap.
 */
@ApplicationScoped
class UserLimits {

    private final MethodRepository methods;
    private final DeviceRepository devices;
    private final ActivationRepository activations;
    private final EnrollmentConfig config;
    private final Clock clock;

    UserLimits(MethodRepository methods, DeviceRepository devices, ActivationRepository activations, EnrollmentConfig config,
            Clock clock) {
        this.methods = methods;
        this.devices = devices;
        this.activations = activations;
        this.config = config;
        this.clock = clock;
    }

    void allowTotpCredential(MfaUser lockedUser) {
        require(methods.countOfType(lockedUser, MethodType.TOTP), config.limits().totpCredentials(), "TOTP credentials");
    }

    void allowPhone(MfaUser lockedUser) {
        require(methods.countOfType(lockedUser, MethodType.PHONE), config.limits().phones(), "phones");
    }

    void allowDevice(MfaUser lockedUser) {
        require(devices.countOf(lockedUser), config.limits().devices(), "paired apps");
    }

    /** A new activation needs room for one more open activation and, once used, one more device. */
    void allowActivation(MfaUser lockedUser) {
        allowDevice(lockedUser);
        require(activations.countOpen(lockedUser, clock.instant(), config.activation().maxWrongCodes()),
                config.limits().openActivations(), "open activations");
    }

    private static void require(long held, int limit, String what) {
        if (held >= limit) {
            throw new LimitReachedException(what, limit);
        }
    }
}
