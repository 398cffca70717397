package dev.openfactor.platform.otp;

/** The HMAC behind an OTP, with the secret length RFC 6238 pairs it with. */
public enum OtpAlgorithm {
    SHA1("HmacSHA1", 20),
    SHA256("HmacSHA256", 32),
    SHA512("HmacSHA512", 64);

    private final String mac;
    private final int secretBytes;

    OtpAlgorithm(String mac, int secretBytes) {
        this.mac = mac;
        this.secretBytes = secretBytes;
    }

    public String mac() {
        return mac;
    }

    /** Secret length for a new credential: the HMAC's output size. */
    public int secretBytes() {
        return secretBytes;
    }
}
