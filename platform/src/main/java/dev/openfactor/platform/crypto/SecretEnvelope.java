package dev.openfactor.platform.crypto;

/**
 * An AES-256-GCM ciphertext with what is needed to open it: the id of the key that sealed it
 * and the 96-bit nonce. All three are base64 strings so the envelope travels as JSON.
 */
public record SecretEnvelope(String kid, String iv, String ciphertext) {

    @Override
    public String toString() {
        return "SecretEnvelope[kid=" + kid + "]";
    }
}
