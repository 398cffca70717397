package dev.openfactor.enrollment.messaging;

/** Topics this service writes to (see the README's event catalogue). */
public final class Topics {

    /** Compacted, keyed by key id: every service mirrors API keys from here. */
    public static final String API_KEYS = "openfactor.api-keys";

    private Topics() {
    }
}
