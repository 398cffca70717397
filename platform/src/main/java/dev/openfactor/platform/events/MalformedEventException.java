package dev.openfactor.platform.events;

/** A record that cannot be read as a CloudEvent; retrying it will never help. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
