package dev.openfactor.enrollment.service;

import java.util.List;
import java.util.Map;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStateException;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.UserProfile;
import dev.openfactor.enrollment.factor.RecoveryCodeEnroller;
import dev.openfactor.enrollment.factor.TotpEnroller;
import dev.openfactor.enrollment.messaging.ProfilePublisher;
import dev.openfactor.enrollment.repository.MethodRepository;
import dev.openfactor.enrollment.repository.UserRepository;
import dev.openfactor.platform.audit.AuditTrail;
import dev.openfactor.platform.otp.OtpAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registration use cases of one tenant's users; every change publishes the user's profile. */
@ApplicationScoped
public class UserService {

    private final Profiles profiles;
    private final UserRepository users;
    private final MethodRepository methods;
    private final TotpEnroller totp;
    private final RecoveryCodeEnroller recoveryCodes;
    private final ProfilePublisher publisher;
    private final AuditTrail audit;
    private final UserLimits limits;

    UserService(Profiles profiles, UserRepository users, MethodRepository methods, TotpEnroller totp,
            RecoveryCodeEnroller recoveryCodes, ProfilePublisher publisher, AuditTrail audit, UserLimits limits) {
        this.profiles = profiles;
        this.users = users;
        this.methods = methods;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.publisher = publisher;
        this.audit = audit;
        this.limits = limits;
    }

    @Transactional
    public UserProfile get(String tenantId, String userId) {
        return profiles.load(profiles.existing(tenantId, userId));
    }

    @Transactional
    public UserProfile requireMfa(String tenantId, String userId, boolean required) {
        MfaUser user = profiles.findOrCreate(tenantId, userId);
        user.requireMfa(required);
        audit.record(tenantId, userId, "user.mfa_requirement_changed", "success", "frontend", null,
                Map.of("required", Boolean.toString(required)));
        return profiles.changed(user);
    }

    @Transactional
    public UserProfile setDefaultMethod(String tenantId, String userId, String methodId) {
        MfaUser user = profiles.existing(tenantId, userId);
        Method method = profiles.method(user, methodId);
        if (!method.isActive() || !method.type().isPrimary()) {
            throw new MethodStateException("only an active sign-in method can be the default");
        }
        user.defaultMethod(method.id());
        return profiles.changed(user);
    }

    /** Deleting the last method publishes the emptied profile (its devices go with it). */
    @Transactional
    public void deleteMethod(String tenantId, String userId, String methodId) {
        MfaUser user = profiles.existing(tenantId, userId);
        Method method = profiles.method(user, methodId);
        methods.delete(method);
        if (method.id().equals(user.defaultMethodId())) {
            user.defaultMethod(null);
        }
        audit.record(tenantId, userId, "method.deleted", "success", "frontend", methodId,
                Map.of("type", method.type().wireName()));
        profiles.changed(user);
    }

    /** Forgets the user entirely; a tombstone removes them from the compacted profile topic. */
    @Transactional
    public void deleteUser(String tenantId, String userId) {
        MfaUser user = profiles.existing(tenantId, userId);
        users.delete(user);
        publisher.tombstone(tenantId, userId);
        audit.record(tenantId, userId, "user.deleted", "success", "frontend", null, null);
    }

    @Transactional
    public TotpEnroller.Started startTotp(String tenantId, String userId, String label, OtpAlgorithm algorithm,
            int digits, int period) {
        MfaUser user = profiles.findOrCreate(tenantId, userId);
        limits.allowTotpCredential(user);
        String issuer = profiles.load(user).tenantDisplayName();
        TotpEnroller.Started started = totp.begin(user, issuer, label, algorithm, digits, period);
        methods.persist(started.method());
        profiles.changed(user);
        return started;
    }

    @Transactional
    public Method confirmTotp(String tenantId, String userId, String methodId, String code) {
        MfaUser user = profiles.existing(tenantId, userId);
        Method method = profiles.method(user, methodId);
        totp.confirm(user, method, code);
        audit.record(tenantId, userId, "method.activated", "success", "frontend", methodId, Map.of("type", "totp"));
        profiles.changed(user);
        return method;
    }

    /** A new set replaces the old one. */
    @Transactional
    public List<String> issueRecoveryCodes(String tenantId, String userId) {
        RecoveryCodeEnroller.NewSet set = recoveryCodes.newSet(); // the slow hashing, before any row is touched
        MfaUser user = profiles.findOrCreate(tenantId, userId);
        methods.ofType(user, MethodType.RECOVERY_CODES).forEach(methods::delete);
        RecoveryCodeEnroller.Issued issued = recoveryCodes.issue(user, set);
        methods.persist(issued.method());
        audit.record(tenantId, userId, "recovery_codes.issued", "success", "frontend", issued.method().id(), null);
        profiles.changed(user);
        return issued.codes();
    }
}
