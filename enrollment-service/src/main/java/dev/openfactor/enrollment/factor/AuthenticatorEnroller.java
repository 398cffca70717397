package dev.openfactor.enrollment.factor;

import java.net.URLEncoder;
import java.security.SecureRandom;
import java.time.Clock;

import dev.openfactor.enrollment.config.EnrollmentConfig;
import dev.openfactor.enrollment.domain.Activation;
import dev.openfactor.enrollment.domain.Device;
import dev.openfactor.enrollment.domain.Method;
import dev.openfactor.enrollment.domain.MethodStatus;
import dev.openfactor.enrollment.domain.MethodType;
import dev.openfactor.enrollment.domain.MfaUser;
import dev.openfactor.enrollment.domain.PushPlatform;
import dev.openfactor.platform.otp.Base32;
import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.otp.HashedCode;
import jakarta.enterprise.context.ApplicationScoped;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The authenticator app: an activation (9-digit code, numeric reference, QR payload), then,
 * when the app presents the code, one method that is both a push device and a TOTP generator.
 */
@ApplicationScoped
public class AuthenticatorEnroller {

    static final int CODE_DIGITS = 9;
    static final int REF_DIGITS = 12;
    /** The app's code generator: the parameters every authenticator supports. */
    static final TotpParameters APP_TOTP = new TotpParameters(OtpAlgorithm.SHA1, 6, 30, null);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnrollmentConfig config;
    private final SecretCodec secrets;
    private final Clock clock;

    AuthenticatorEnroller(EnrollmentConfig config, SecretCodec secrets, Clock clock) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** What the registration page shows; the code is in this object only, never stored. */
    public record Started(Activation activation, String code, String activationUrl, String qrPayload) {

        /** {@code 405 209 573}, as the page shows it. */
        public String groupedCode() {
            return code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6);
        }

        @Override
        public String toString() {
            return "Started[" + activation.id() + "]";
        }
    }

    public record Paired(Method method, Device device, String totpSecretBase32, TotpParameters totp) {
        @Override
        public String toString() {
            return "Paired[" + device.id() + "]";
        }
    }

    public Started begin(MfaUser user, String ref, String deviceLabel) {
        String code = HashedCode.randomDigits(CODE_DIGITS);
        HashedCode hashed = HashedCode.of(code);
        Activation activation = Activation.start(user, ref, hashed.salt(), hashed.hash(), deviceLabel, clock.instant(),
                config.activation().lifetime());
        String url = activationUrl(ref);
        String payload = "openfactor://activate?code=" + code + "&url=" + URLEncoder.encode(url, UTF_8);
        return new Started(activation, code, url, payload);
    }

    /** A candidate numeric reference; the caller retries on the (unlikely) collision. */
    public String newRef() {
        StringBuilder ref = new StringBuilder(REF_DIGITS);
        ref.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < REF_DIGITS; i++) {
            ref.append(RANDOM.nextInt(10));
        }
        return ref.toString();
    }

    public Paired pair(MfaUser user, Activation activation, String publicKey, PushPlatform platform, String pushToken,
            String deviceName, String appVersion) {
        String label = activation.deviceLabel() != null ? activation.deviceLabel() : deviceName;
        Method method = Method.create(user, MethodType.AUTHENTICATOR_APP, label, MethodStatus.ACTIVE, clock.instant());
        byte[] secret = new byte[APP_TOTP.algorithm().secretBytes()];
        RANDOM.nextBytes(secret);
        method.credentialData(secrets.writeJson(APP_TOTP));
        method.secretData(secrets.seal(secret, user.tenantId(), method.id()));
        Device device = Device.pair(user, method, publicKey, platform, pushToken, deviceName, appVersion, clock.instant());
        return new Paired(method, device, Base32.encode(secret), APP_TOTP);
    }

    private String activationUrl(String ref) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/activations/" + ref;
    }
}
