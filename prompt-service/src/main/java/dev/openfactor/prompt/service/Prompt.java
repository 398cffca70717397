package dev.openfactor.prompt.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sign-in a relying party asked for, bound to the browser that started it (only a hash of that
 * browser's cookie is kept). It ends {@code done} (with the method that proved the user) or
 * {@code refused}, and is answered to the relying party exactly once ({@code answered}).
 */
public record Prompt(String promptId, String clientId, Flow flow, String userId, String subject, String redirectUri,
        String state, String nonce, List<String> acrValues, String tenantHint, String codeChallenge, String browserHash,
        String csrfToken, Status status, String amr, String challengeId, String activationId, String phoneMethodId,
        Map<String, String> wizard, Instant createdAt, Instant expiresAt) {

    /** The request-object claim by which a web app asks for the security-info page after the second factor. */
    public static final String ACTION = "openfactor_action";
    public static final String SECURITY_INFO = "security_info";

    public enum Flow {
        /** Entra ID external authentication method: the id_token goes back by form_post. */
        ID_TOKEN,
        /** Authorization code: the code goes back on the redirect URI's query. */
        CODE
    }

    public enum Status { OPEN, DONE, REFUSED, ANSWERED }

    public boolean open(Instant now) {
        return status == Status.OPEN && now.isBefore(expiresAt);
    }

    public String wizard(String key) {
        return wizard.get(key);
    }

    /** The same prompt starting with these wizard entries. */
    public Prompt withWizard(Map<String, String> entries) {
        return new Prompt(promptId, clientId, flow, userId, subject, redirectUri, state, nonce, acrValues, tenantHint, codeChallenge,
                browserHash, csrfToken, status, amr, challengeId, activationId, phoneMethodId, Map.copyOf(entries), createdAt, expiresAt);
    }

    /**
     * A prompt for "Security info": once its second factor is proven it opens the user's methods page,
     * and answers the relying party only when the person is done there.
     */
    public boolean managesSecurityInfo() {
        return SECURITY_INFO.equals(wizard.get("action"));
    }
}
