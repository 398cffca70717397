package dev.openfactor.prompt.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A relying party registered by an operator: the tenant it signs people in for, where answers may go
 * (exact URIs), whose keys prove its hints, request objects and client assertions, and the methods it allows.
 */
public record Client(String clientId, String tenantId, String displayName, String tenantApiKey, Registration registration) {

    public enum Profile {
        /** Microsoft Entra ID external authentication method: id_token_hint in, id_token form_post out. */
        ENTRA_EAM,
        /** Authorization code + PKCE with a signed request object (RFC 9101). */
        CODE
    }

    /**
     * What the operator registered, kept as JSON; {@code secretHash} is the SHA-256 of an optional client secret,
     * {@code applicationName} what the app shows under "Approve sign-in?".
     */
    public record Registration(Profile profile, String applicationName, List<String> redirectUris, RelyingParty relyingParty,
            String userClaim, List<String> methods, String secretHash) {
    }

    /** Verifies the relying party's signed statements: its issuer, the audience of its hints, its keys. */
    public record RelyingParty(String issuer, String audience, String jwksUrl, Map<String, Object> jwks) {
    }

    /** What a client id may be: 1 to 200 letters, digits or {@code . _ : ~ -}. */
    public static boolean validId(String clientId) {
        return clientId != null && clientId.matches("[A-Za-z0-9._:~-]{1,200}");
    }

    public boolean allowsRedirect(String uri) {
        return uri != null && registration.redirectUris().contains(uri);
    }

    public Set<Method> methods() {
        return registration.methods().stream().map(m -> Method.of(m).orElseThrow()).collect(java.util.stream.Collectors.toSet());
    }
}
