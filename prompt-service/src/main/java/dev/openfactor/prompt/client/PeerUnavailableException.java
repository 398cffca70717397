package dev.openfactor.prompt.client;

/** A peer service could not be reached: the page says "try again in a moment", nothing is lost. */
public class PeerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PeerUnavailableException(String host, Throwable cause) {
        super("cannot reach " + host + ": " + cause.getClass().getSimpleName(), cause);
    }
}
