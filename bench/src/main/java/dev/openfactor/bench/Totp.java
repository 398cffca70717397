package dev.openfactor.bench;

import dev.openfactor.platform.testing.IndependentTotp;

/** The codes of the bench's users (SHA1, 6 digits, 30 s), computed like a phone, not by the service's code. */
final class Totp {

    private Totp() {
    }

    static long step(long epochSeconds) {
        return epochSeconds / 30;
    }

    static String code(byte[] secret, long step) {
        return IndependentTotp.atStep(secret, "SHA1", 6, step);
    }

    static byte[] base32(String s) {
        return IndependentTotp.base32Decode(s);
    }
}
