package dev.openfactor.verification.testdata;

import java.nio.charset.StandardCharsets;

import dev.openfactor.platform.testing.IndependentTotp;

/** The tests' side (the phone) of RFC 6238: codes from the independent implementation, not platform's engine. */
public final class Codes {

    private Codes() {
    }

    public static String totp(byte[] secret, String algorithm, int digits, long step) {
        return IndependentTotp.atStep(secret, algorithm, digits, step);
    }

    /** The RFC 6238 Appendix B seed for SHA1 ("12345678901234567890"). */
    public static byte[] rfcSeed() {
        return "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    }
}
