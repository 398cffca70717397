package dev.openfactor.prompt.rest;

/** Ends a page request with our own error page: {@code status} and a sentence a person understands. */
public class PageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String heading;

    PageException(int status, String heading, String message) {
        super(message);
        this.status = status;
        this.heading = heading;
    }

    static PageException expired() {
        return new PageException(410, "This sign-in request has ended",
                "It expired, was already used, or was started in another browser. Go back to the application and sign in again.");
    }

    static PageException forbidden() {
        return new PageException(403, "We couldn't accept that",
                "The form was not sent from this sign-in page. Reload the page and try again.");
    }
}
