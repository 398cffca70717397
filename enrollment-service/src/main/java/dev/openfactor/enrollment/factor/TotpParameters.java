package dev.openfactor.enrollment.factor;

import dev.openfactor.platform.otp.OtpAlgorithm;
import dev.openfactor.platform.otp.Totp;

/** The public half of a TOTP credential, stored as the method's credential data. */
public record TotpParameters(OtpAlgorithm algorithm, int digits, int period, Long lastAcceptedStep) {

    public Totp totp() {
        return new Totp(algorithm, digits, period);
    }

    public TotpParameters accepted(long step) {
        return new TotpParameters(algorithm, digits, period, step);
    }
}
