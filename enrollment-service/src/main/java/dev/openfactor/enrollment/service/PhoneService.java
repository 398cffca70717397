package dev.openfactor.enrollment.service;

import java.util.Map;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.InvalidCodeException;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStateException;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.PhoneCode;
import dev.openfactor.enrollment.domain.PhoneDetails;
import dev.openfactor.enrollment.domain.PhoneType;
import dev.openfactor.enrollment.factor.PhoneEnroller;
import dev.openfactor.enrollment.messaging.PhoneCodeSender;
import dev.openfactor.enrollment.repository.MethodRepository;
import dev.openfactor.enrollment.repository.PhoneCodeRepository;
import dev.openfactor.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registering a phone: a code goes to it (SMS or voice), the user types it back. */
@ApplicationScoped
public class PhoneService {

    private final Profiles profiles;
    private final MethodRepository methods;
    private final PhoneCodeRepository codes;
    private final PhoneEnroller enroller;
    private final SendLimits limits;
    private final PhoneCodeSender sender;
    private final AuditTrail audit;
    private final EnrollmentConfig config;
    private final UserLimits userLimits;

    PhoneService(Profiles profiles, MethodRepository methods, PhoneCodeRepository codes, PhoneEnroller enroller,
            SendLimits limits, PhoneCodeSender sender, AuditTrail audit, EnrollmentConfig config, UserLimits userLimits) {
        this.profiles = profiles;
        this.methods = methods;
        this.codes = codes;
        this.enroller = enroller;
        this.limits = limits;
        this.sender = sender;
        this.audit = audit;
        this.config = config;
        this.userLimits = userLimits;
    }

    public record Pending(Method method, PhoneDetails phone) {
    }

    /** One phone per type: a pending one is replaced; an active one must be deleted first. */
    @Transactional
    public Pending add(String tenantId, String userId, PhoneType type, String number, String extension) {
        PhoneDetails phone = enroller.details(type, number, extension);
        MfaUser user = profiles.findOrCreate(tenantId, userId);
        limits.charge(user, phone.number());
        var sameType = profiles.load(user).phonesByMethod().entrySet().stream()
                .filter(e -> e.getValue().phoneType() == type).map(Map.Entry::getKey).toList();
        for (String methodId : sameType) {
            Method existing = profiles.method(user, methodId);
            if (existing.isActive()) {
                throw new MethodStateException("this user already has an active " + type.wireName() + " phone; delete it first");
            }
            methods.delete(existing);
        }
        userLimits.allowPhone(user);
        Method method = enroller.begin(user, phone);
        methods.persist(method);
        methods.flush();
        sendCode(user, method, phone, new PhoneCode(method, tenantId));
        audit.record(tenantId, userId, "phone.added", "info", "frontend", method.id(),
                Map.of("phoneType", type.wireName(), "channel", phone.channel().wireName()));
        profiles.changed(user);
        return new Pending(method, phone);
    }

    /** A new code (the old one dies), within the same send limits. */
    @Transactional
    public Pending resend(String tenantId, String userId, String methodId) {
        MfaUser user = profiles.existing(tenantId, userId);
        Method method = pendingPhone(user, methodId);
        PhoneDetails phone = profiles.load(user).phoneOf(method).orElseThrow();
        limits.charge(user, phone.number());
        sendCode(user, method, phone, codes.lockFor(method).orElseGet(() -> new PhoneCode(method, tenantId)));
        return new Pending(method, phone);
    }

    @Transactional(dontRollbackOn = InvalidCodeException.class)
    public Method confirm(String tenantId, String userId, String methodId, String code) {
        MfaUser user = profiles.existing(tenantId, userId);
        Method method = pendingPhone(user, methodId);
        PhoneCode slot = codes.lockFor(method).orElseThrow(InvalidCodeException::new);
        if (!enroller.matches(slot, code)) {
            int left = slot.spendAttempt();
            audit.record(tenantId, userId, "phone.verification_attempted", "failure", "frontend", methodId, null);
            throw (InvalidCodeException) new InvalidCodeException().with("remainingAttempts", left);
        }
        codes.delete(slot);
        method.activate();
        if (user.defaultMethodId() == null) {
            user.defaultMethod(method.id());
        }
        audit.record(tenantId, userId, "method.activated", "success", "frontend", methodId, Map.of("type", "phone"));
        profiles.changed(user);
        return method;
    }

    private void sendCode(MfaUser user, Method method, PhoneDetails phone, PhoneCode slot) {
        PhoneEnroller.NewCode code = enroller.renew(slot);
        codes.persist(slot);
        String tenantName = profiles.load(user).tenantDisplayName();
        sender.send(user, tenantName, method, phone, code.code(), code.expiresAt(), config.phone().codeLifetime().toMinutes());
    }

    private Method pendingPhone(MfaUser user, String methodId) {
        Method method = profiles.method(user, methodId);
        if (method.type() != MethodType.PHONE) {
            throw new MethodStateException("this method is not a phone");
        }
        if (method.status() != MethodStatus.PENDING_VERIFICATION) {
            throw new MethodStateException("this phone is already verified");
        }
        return method;
    }
}
