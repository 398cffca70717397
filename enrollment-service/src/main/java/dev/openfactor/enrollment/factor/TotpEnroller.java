package dev.openfactor.enrollment.factor;

import java.net.URLEncoder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.OptionalLong;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.InvalidCodeException;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.platform.otp.Base32;
import dev.openfactor.platform.otp.OtpAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Third-party TOTP apps: a pending credential with an otpauth:// URI, active after a first good code. */
@ApplicationScoped
public class TotpEnroller {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretCodec secrets;
    private final EnrollmentConfig config;
    private final Clock clock;

    TotpEnroller(SecretCodec secrets, EnrollmentConfig config, Clock clock) {
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** A new credential and what the user's app needs; {@code secret} is shown in this response only. */
    public record Started(Method method, String secretBase32, String otpauthUri) {
        @Override
        public String toString() {
            return "Started[" + method.id() + "]";
        }
    }

    public Started begin(MfaUser user, String issuer, String label, OtpAlgorithm algorithm, int digits, int period) {
        TotpParameters parameters = new TotpParameters(algorithm, digits, period, null);
        parameters.totp(); // validates digits and period
        Method method = Method.create(user, MethodType.TOTP, label, MethodStatus.PENDING, clock.instant());
        byte[] secret = new byte[algorithm.secretBytes()];
        RANDOM.nextBytes(secret);
        method.credentialData(secrets.writeJson(parameters));
        method.secretData(secrets.seal(secret, user.tenantId(), method.id()));
        String base32 = Base32.encode(secret);
        return new Started(method, base32, otpauthUri(issuer, user.userId(), base32, parameters));
    }

    /** Activates the credential if {@code code} is valid now (±window); the step is remembered. */
    public void confirm(MfaUser user, Method method, String code) {
        if (method.type() != MethodType.TOTP) {
            throw new InvalidCodeException();
        }
        TotpParameters parameters = secrets.readJson(method.credentialData(), TotpParameters.class);
        byte[] secret = secrets.open(method.secretData(), user.tenantId(), method.id());
        OptionalLong step = parameters.totp().matchingStep(secret, code, clock.instant(), config.totpWindow());
        if (step.isEmpty()) {
            throw new InvalidCodeException();
        }
        method.activate();
        method.credentialData(secrets.writeJson(parameters.accepted(step.getAsLong())));
    }

    /** Key Uri Format: otpauth://totp/Issuer:user?secret=...&issuer=Issuer&algorithm=...&digits=...&period=... */
    static String otpauthUri(String issuer, String account, String secret, TotpParameters p) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + secret
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + p.algorithm().name()
                + "&digits=" + p.digits()
                + "&period=" + p.period();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, UTF_8).replace("+", "%20");
    }
}
