package dev.openfactor.platform.outbox;

/** The broker did not take a batch; its rows stay unsent and are tried again. */
public class OutboxPublishException extends RuntimeException {

    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
