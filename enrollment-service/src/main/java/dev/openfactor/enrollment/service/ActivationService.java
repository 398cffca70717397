package dev.openfactor.enrollment.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.Activation;
import dev.openfactor.enrollment.domain.ActivationExpiredException;
import dev.openfactor.enrollment.domain.ActivationStatus;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.Tenant;
import dev.openfactor.enrollment.domain.WrongActivationCodeException;
import dev.openfactor.enrollment.factor.AuthenticatorEnroller;
import dev.openfactor.enrollment.repository.ActivationRepository;
import dev.openfactor.enrollment.repository.DeviceRepository;
import dev.openfactor.enrollment.repository.MethodRepository;
import dev.openfactor.enrollment.repository.TenantRepository;
import dev.openfactor.enrollment.repository.UserRepository;
import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.platform.longpoll.ChangeSignals;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Pairing the authenticator app: the page starts an activation and polls its status; the app
 * presents the code. Every attempt and outcome is audited; a wrong code and an attempt on a
 * dead activation are recorded even though the caller gets an error (no rollback for them).
 */
@ApplicationScoped
public class ActivationService {

    private final Profiles profiles;
    private final ActivationRepository activations;
    private final MethodRepository methods;
    private final DeviceRepository devices;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final AuthenticatorEnroller enroller;
    private final PushAddresses pushAddresses;
    private final ChangeSignals signals;
    private final AuditTrail audit;
    private final EnrollmentConfig config;
    private final Clock clock;
    private final UserLimits limits;
    private final AppEndpoints endpoints;

    ActivationService(Profiles profiles, ActivationRepository activations, MethodRepository methods,
            DeviceRepository devices, UserRepository users, TenantRepository tenants, AuthenticatorEnroller enroller,
            PushAddresses pushAddresses, ChangeSignals signals, AuditTrail audit, EnrollmentConfig config, Clock clock,
            UserLimits limits, AppEndpoints endpoints) {
        this.profiles = profiles;
        this.activations = activations;
        this.methods = methods;
        this.devices = devices;
        this.users = users;
        this.tenants = tenants;
        this.enroller = enroller;
        this.pushAddresses = pushAddresses;
        this.signals = signals;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.limits = limits;
        this.endpoints = endpoints;
    }

    public record State(ActivationStatus status, String deviceId, String methodId, Instant expiresAt) {
    }

    /** A paired app, and what it is told to work on its own ({@link AppEndpoints}). */
    public record Activated(AuthenticatorEnroller.Paired paired, Tenant tenant, String userId, int pollIntervalSeconds,
            AppEndpoints endpoints) {
    }

    public static String changeKey(String activationId) {
        return "activation:" + activationId;
    }

    @Transactional
    public AuthenticatorEnroller.Started start(String tenantId, String userId, String deviceLabel) {
        MfaUser user = profiles.findOrCreate(tenantId, userId);
        limits.allowActivation(user);
        String ref = enroller.newRef();
        while (activations.refTaken(ref)) {
            ref = enroller.newRef();
        }
        AuthenticatorEnroller.Started started = enroller.begin(user, ref, deviceLabel);
        activations.persist(started.activation());
        audit.record(tenantId, userId, "activation.started", "info", "frontend", started.activation().id(), null);
        return started;
    }

    @Transactional
    public State status(String tenantId, String userId, String activationId) {
        MfaUser user = profiles.existing(tenantId, userId);
        Activation a = activations.find(user, activationId).orElseThrow(() -> ProblemException.notFound("Activation"));
        return new State(a.status(clock.instant(), config.activation().maxWrongCodes()), a.deviceId(), a.methodId(),
                a.expiresAt());
    }

    @Transactional(dontRollbackOn = {WrongActivationCodeException.class, ActivationExpiredException.class})
    public Activated activate(String ref, AppActivation request) {
        pushAddresses.validate(request.pushPlatform(), request.pushToken());
        String publicKey = pushAddresses.validPublicKey(request.devicePublicKey());
        Activation activation = activations.lockByRef(ref).orElseThrow(() -> ProblemException.notFound("Activation"));
        MfaUser user = users.lockedById(activation.userRef()).orElseThrow(() -> ProblemException.notFound("Activation"));
        Activation.Presented presented = activation.present(request.activationCode(), clock.instant(),
                config.activation().maxWrongCodes());
        if (presented != Activation.Presented.ACCEPTED) {
            attempt(user, activation, "failure", presented.reason());
            if (presented == Activation.Presented.NO_LONGER_VALID) {
                throw new ActivationExpiredException();
            }
            if (presented == Activation.Presented.WRONG_CODE_NOW_DEAD) {
                signals.signal(changeKey(activation.id())); // the waiting page learns it has expired
            }
            throw new WrongActivationCodeException();
        }
        limits.allowDevice(user);
        AuthenticatorEnroller.Paired paired = enroller.pair(user, activation, publicKey, request.pushPlatform(),
                request.pushToken(), request.deviceName(), request.appVersion());
        methods.persist(paired.method());
        devices.persist(paired.device());
        activation.complete(paired.device());
        if (user.defaultMethodId() == null) {
            user.defaultMethod(paired.method().id());
        }
        attempt(user, activation, "success", presented.reason());
        signals.signal(changeKey(activation.id()));
        profiles.changed(user);
        Tenant tenant = tenants.findByIdOptional(user.tenantId()).orElseThrow();
        return new Activated(paired, tenant, user.userId(), config.activation().appPollIntervalSeconds(),
                endpoints);
    }

    private void attempt(MfaUser user, Activation activation, String outcome, String reason) {
        audit.record(user.tenantId(), user.userId(), "activation.attempted", outcome, "app", activation.id(),
                Map.of("reason", reason));
    }
}
