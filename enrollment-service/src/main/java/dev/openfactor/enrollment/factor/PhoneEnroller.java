package dev.openfactor.enrollment.factor;

import java.time.Clock;
import java.time.Instant;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.PhoneCode;
import dev.openfactor.enrollment.domain.PhoneDetails;
import dev.openfactor.enrollment.domain.PhoneType;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.otp.HashedCode;
import jakarta.enterprise.context.ApplicationScoped;

/** Phones: a pending method plus a 6-digit code that proves the user holds the number. */
@ApplicationScoped
public class PhoneEnroller {

    static final int CODE_DIGITS = 6;

    private final PhoneNumbers numbers;
    private final SecretCodec codec;
    private final EnrollmentConfig config;
    private final Clock clock;

    PhoneEnroller(PhoneNumbers numbers, SecretCodec codec, EnrollmentConfig config, Clock clock) {
        this.numbers = numbers;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    public record NewCode(String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "NewCode[redacted]";
        }
    }

    public PhoneDetails details(PhoneType type, String number, String extension) {
        if (extension != null && !extension.isBlank()) {
            if (!type.takesExtension()) {
                throw ProblemException.invalidField("extension", "only an office phone takes an extension");
            }
            if (!extension.matches("[0-9]{1,10}")) {
                throw ProblemException.invalidField("extension", "must be 1 to 10 digits");
            }
        }
        return PhoneDetails.of(type, numbers.e164(number), extension == null || extension.isBlank() ? null : extension);
    }

    public Method begin(MfaUser user, PhoneDetails phone) {
        Method method = Method.create(user, MethodType.PHONE, phone.phoneType().label(), MethodStatus.PENDING_VERIFICATION,
                clock.instant());
        method.credentialData(codec.writeJson(phone));
        return method;
    }

    /** A fresh code for {@code slot}, replacing any earlier one with full attempts. */
    public NewCode renew(PhoneCode slot) {
        String code = HashedCode.randomDigits(CODE_DIGITS);
        HashedCode hashed = HashedCode.of(code);
        Instant expiresAt = clock.instant().plus(config.phone().codeLifetime());
        slot.renew(hashed.salt(), hashed.hash(), config.phone().codeAttempts(), expiresAt);
        return new NewCode(code, expiresAt);
    }

    public boolean matches(PhoneCode slot, String code) {
        return slot.usable(clock.instant()) && new HashedCode(slot.codeSalt(), slot.codeHash()).matches(code);
    }
}
