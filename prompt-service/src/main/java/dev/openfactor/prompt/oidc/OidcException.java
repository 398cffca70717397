package dev.openfactor.prompt.oidc;

/** An OAuth 2.0 / OpenID Connect error: {@code error} is the registered code, the description is safe to show. */
public class OidcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public final String error;

    public OidcException(String error, String description) {
        super(description);
        this.error = error;
    }

    public static OidcException invalidRequest(String description) {
        return new OidcException("invalid_request", description);
    }
}
