package dev.openfactor.enrollment.service;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.openfactor.enrollment.domain.Device;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.PhoneDetails;
import dev.openfactor.enrollment.domain.UserProfile;
import dev.openfactor.enrollment.factor.SecretCodec;
import dev.openfactor.enrollment.messaging.ProfilePublisher;
import dev.openfactor.enrollment.repository.DeviceRepository;
import dev.openfactor.enrollment.repository.MethodRepository;
import dev.openfactor.enrollment.repository.TenantRepository;
import dev.openfactor.enrollment.repository.UserRepository;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Loads users' whole profiles, creates users on first use, and publishes a profile after every change. */
@ApplicationScoped
class Profiles {

    private final UserRepository users;
    private final MethodRepository methods;
    private final DeviceRepository devices;
    private final TenantRepository tenants;
    private final SecretCodec codec;
    private final ProfilePublisher publisher;
    private final Clock clock;

    Profiles(UserRepository users, MethodRepository methods, DeviceRepository devices, TenantRepository tenants,
            SecretCodec codec, ProfilePublisher publisher, Clock clock) {
        this.users = users;
        this.methods = methods;
        this.devices = devices;
        this.tenants = tenants;
        this.codec = codec;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The user, their row locked until the transaction ends: one user's use cases run one after
     * the other, so counts (per-user caps), the profile version and deletions never race.
     */
    MfaUser existing(String tenantId, String userId) {
        return users.locked(tenantId, userId).orElseThrow(() -> ProblemException.notFound("User"));
    }

    /** As {@link #existing}, created on first use (two first uses at once find the same row). */
    MfaUser findOrCreate(String tenantId, String userId) {
        return users.lockedOrCreated(tenantId, userId, clock.instant());
    }

    Method method(MfaUser user, String methodId) {
        return methods.find(user, methodId).orElseThrow(() -> ProblemException.notFound("Method"));
    }

    UserProfile load(MfaUser user) {
        var userMethods = methods.of(user);
        Map<String, Device> byMethod = devices.of(user).stream().collect(Collectors.toMap(Device::methodId, Function.identity()));
        Map<String, PhoneDetails> phones = userMethods.stream().filter(m -> m.type() == MethodType.PHONE)
                .collect(Collectors.toMap(Method::id, m -> codec.readJson(m.credentialData(), PhoneDetails.class)));
        String displayName = tenants.findByIdOptional(user.tenantId()).orElseThrow().displayName();
        return new UserProfile(user, displayName, userMethods, byMethod, phones);
    }

    /** Flushes pending writes, then publishes the whole profile through the outbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    UserProfile changed(MfaUser user) {
        methods.flush();
        UserProfile profile = load(user);
        publisher.publish(profile);
        return profile;
    }
}
