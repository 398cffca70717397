package dev.openfactor.platform.crypto;

/** An envelope that cannot be opened: unknown key id, wrong key, or tampered content. */
public class EnvelopeException extends RuntimeException {

    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
