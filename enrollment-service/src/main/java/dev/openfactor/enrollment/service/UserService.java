package dev.openfactor.enrollment.service;

import java.time.Clock;
import java.util.List;

import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStateException;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.UserProfile;
import dev.openfactor.enrollment.factor.RecoveryCodeEnroller;
import dev.openfactor.enrollment.factor.TotpEnroller;
import dev.openfactor.enrollment.messaging.ProfilePublisher;
import dev.openfactor.enrollment.repository.MethodRepository;
import dev.openfactor.enrollment.repository.TenantRepository;
import dev.openfactor.enrollment.repository.UserRepository;
import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registration use cases of one tenant's users; every change publishes the user's profile. */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final MethodRepository methods;
    private final TenantRepository tenants;
    private final TotpEnroller totp;
    private final RecoveryCodeEnroller recoveryCodes;
    private final ProfilePublisher profiles;
    private final Clock clock;

    UserService(UserRepository users, MethodRepository methods, TenantRepository tenants, TotpEnroller totp,
            RecoveryCodeEnroller recoveryCodes, ProfilePublisher profiles, Clock clock) {
        this.users = users;
        this.methods = methods;
        this.tenants = tenants;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Transactional
    public UserProfile get(String tenantId, String userId) {
        return profileOf(existing(tenantId, userId));
    }

    @Transactional
    public UserProfile requireMfa(String tenantId, String userId, boolean required) {
        MfaUser user = findOrCreate(tenantId, userId);
        user.requireMfa(required);
        return changed(user);
    }

    @Transactional
    public UserProfile setDefaultMethod(String tenantId, String userId, String methodId) {
        MfaUser user = existing(tenantId, userId);
        Method method = method(user, methodId);
        if (!method.isActive() || !method.type().isPrimary()) {
            throw new MethodStateException("only an active sign-in method can be the default");
        }
        user.defaultMethod(method.id());
        return changed(user);
    }

    @Transactional
    public void deleteMethod(String tenantId, String userId, String methodId) {
        MfaUser user = existing(tenantId, userId);
        Method method = method(user, methodId);
        methods.delete(method);
        if (method.id().equals(user.defaultMethodId())) {
            user.defaultMethod(null);
        }
        changed(user);
    }

    @Transactional
    public TotpEnroller.Started startTotp(String tenantId, String userId, String label, OtpAlgorithm algorithm,
            int digits, int period) {
        MfaUser user = findOrCreate(tenantId, userId);
        String issuer = tenants.findByIdOptional(tenantId).orElseThrow().displayName();
        TotpEnroller.Started started = totp.begin(user, issuer, label, algorithm, digits, period);
        methods.persist(started.method());
        changed(user);
        return started;
    }

    @Transactional
    public Method confirmTotp(String tenantId, String userId, String methodId, String code) {
        MfaUser user = existing(tenantId, userId);
        Method method = method(user, methodId);
        totp.confirm(user, method, code);
        changed(user);
        return method;
    }

    /** A new set replaces the old one. */
    @Transactional
    public List<String> issueRecoveryCodes(String tenantId, String userId) {
        MfaUser user = findOrCreate(tenantId, userId);
        methods.ofType(user, MethodType.RECOVERY_CODES).forEach(methods::delete);
        RecoveryCodeEnroller.Issued issued = recoveryCodes.issue(user);
        methods.persist(issued.method());
        changed(user);
        return issued.codes();
    }

    private UserProfile changed(MfaUser user) {
        methods.flush();
        UserProfile profile = profileOf(user);
        profiles.publish(profile);
        return profile;
    }

    private UserProfile profileOf(MfaUser user) {
        return new UserProfile(user, methods.of(user));
    }

    private MfaUser existing(String tenantId, String userId) {
        return users.find(tenantId, userId).orElseThrow(() -> ProblemException.notFound("User"));
    }

    private Method method(MfaUser user, String methodId) {
        return methods.find(user, methodId).orElseThrow(() -> ProblemException.notFound("Method"));
    }

    private MfaUser findOrCreate(String tenantId, String userId) {
        return users.find(tenantId, userId).orElseGet(() -> {
            MfaUser user = MfaUser.create(tenantId, userId, clock.instant());
            users.persist(user);
            return user;
        });
    }
}
