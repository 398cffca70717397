package dev.openfactor.prompt.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.oidc.OidcException;
import dev.openfactor.prompt.oidc.Pkce;
import dev.openfactor.prompt.oidc.SignedAssertions;
import dev.openfactor.prompt.store.ClientStore;
import dev.openfactor.prompt.store.PromptStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The authorize endpoint's decisions. Until the client and its redirect URI are known to match, an error
 * is shown on our own page (no open redirect); after that it goes back to the relying party. The user is
 * never taken from a plain parameter: an Entra ID hint or a request object signed by the relying party
 * names them, so nobody can start a prompt, and its push notifications, for someone else.
 */
@ApplicationScoped
public class AuthorizationRequests {

    /** A started prompt, or the answer that refuses the request. */
    public record Outcome(Prompt prompt, Answer refusal) {
    }

    private final ClientStore clients;
    private final PromptStore prompts;
    private final SignedAssertions assertions;
    private final PromptConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    AuthorizationRequests(ClientStore clients, PromptStore prompts, SignedAssertions assertions, PromptConfig config, Clock clock,
            ObjectMapper json) {
        this.clients = clients;
        this.prompts = prompts;
        this.assertions = assertions;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    public Outcome start(Map<String, String> outer, String browserHash) {
        Optional<Client> found = clients.find(outer.get("client_id"));
        if (found.isEmpty()) {
            return refused("invalid_client", "This application is not registered with OpenFactor.");
        }
        Client client = found.get();
        Map<String, String> params;
        try {
            params = client.registration().profile() == Client.Profile.CODE ? fromRequestObject(client, outer) : outer;
        } catch (OidcException e) {
            return refused(e.error, "The sign-in request could not be verified: " + e.getMessage() + ".");
        }
        if (params.values().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
            return refused("invalid_request", "The sign-in request contains characters that are not allowed.");
        }
        String redirectUri = params.get("redirect_uri");
        if (!client.allowsRedirect(redirectUri)) {
            return refused("invalid_request", "The sign-in request names a return address this application did not register.");
        }
        try {
            Prompt prompt = client.registration().profile() == Client.Profile.ENTRA_EAM
                    ? entraPrompt(client, params, browserHash) : codePrompt(client, params, browserHash);
            if (!prompts.insert(prompt)) {
                throw OidcException.invalidRequest("this sign-in request was already used (state)");
            }
            return new Outcome(prompt, null);
        } catch (OidcException e) {
            return new Outcome(null, errorTo(client, redirectUri, params.get("state"), e.error, e.getMessage()));
        }
    }

    /** An error for the relying party, by the channel its flow answers on. */
    public static Answer errorTo(Client client, String redirectUri, String state, String error, String description) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("error", error);
        fields.put("error_description", description);
        if (state != null) {
            fields.put("state", state);
        }
        return client.registration().profile() == Client.Profile.ENTRA_EAM
                ? new Answer.FormPost(redirectUri, fields) : new Answer.Redirect(redirectUri, fields);
    }

    private Prompt entraPrompt(Client client, Map<String, String> p, String browserHash) {
        require("id_token".equals(p.get("response_type")), "response_type must be id_token");
        require("form_post".equals(p.get("response_mode")), "response_mode must be form_post");
        requireOpenId(p);
        require(present(p.get("nonce")), "nonce is required");
        Client.RelyingParty party = client.registration().relyingParty();
        JWTClaimsSet hint = assertions.verify(p.get("id_token_hint"), party,
                new SignedAssertions.Expectations(party.issuer(), party.audience(), config.assertionMaxAge(), false), "id_token_hint");
        String subject = hint.getSubject();
        require(present(subject), "id_token_hint has no sub");
        String userId = stringClaim(hint, client.registration().userClaim());
        List<String> acr = acrValues(p.get("claims"));
        require(Acr.choose(acr).isPresent(), "none of the requested acr values can be met");
        return newPrompt(client, Prompt.Flow.ID_TOKEN, userId, subject, p, acr, stringOrNull(hint, "tid"), null, browserHash);
    }

    private Prompt codePrompt(Client client, Map<String, String> p, String browserHash) {
        require("code".equals(p.get("response_type")), "response_type must be code");
        requireOpenId(p);
        require(present(p.get("state")), "state is required");
        require("S256".equals(p.get("code_challenge_method")), "code_challenge_method must be S256");
        require(Pkce.validChallenge(p.get("code_challenge")), "code_challenge must be a base64url SHA-256");
        String userId = p.get(client.registration().userClaim());
        require(present(userId), client.registration().userClaim() + " is required in the request object");
        List<String> acr = p.get("acr_values") == null ? List.of() : List.of(p.get("acr_values").trim().split("\\s+"));
        require(Acr.choose(acr).isPresent(), "none of the requested acr values can be met");
        String action = p.get(Prompt.ACTION);
        require(action == null || Prompt.SECURITY_INFO.equals(action), Prompt.ACTION + " must be " + Prompt.SECURITY_INFO + " or absent");
        Prompt prompt = newPrompt(client, Prompt.Flow.CODE, userId, userId, p, acr, null, p.get("code_challenge"), browserHash);
        return action == null ? prompt : prompt.withWizard(Map.of("action", action));
    }

    /** RFC 9101: the signed request object is the request; the outer client_id must name the same client. */
    private Map<String, String> fromRequestObject(Client client, Map<String, String> outer) {
        String request = outer.get("request");
        if (request == null) {
            throw OidcException.invalidRequest("a signed request object (request) is required");
        }
        JWTClaimsSet claims = assertions.verify(request, client.registration().relyingParty(),
                new SignedAssertions.Expectations(client.clientId(), config.issuer(), config.assertionMaxAge(), true), "request object");
        Map<String, String> params = new java.util.HashMap<>();
        claims.getClaims().forEach((k, v) -> {
            if (v instanceof String s) {
                params.put(k, s);
            }
        });
        if (!client.clientId().equals(params.get("client_id"))) {
            throw OidcException.invalidRequest("client_id in the request object does not match");
        }
        return params;
    }

    private Prompt newPrompt(Client client, Prompt.Flow flow, String userId, String subject, Map<String, String> p, List<String> acr,
            String tid, String codeChallenge, String browserHash) {
        require(userId.length() <= 256 && subject.length() <= 256, "the user identifier is too long");
        require(length(p.get("state")) <= 2048 && length(p.get("nonce")) <= 2048, "state or nonce is too long");
        return new Prompt(token(16), client.clientId(), flow, userId, subject, p.get("redirect_uri"), p.get("state"), p.get("nonce"),
                acr, tid, codeChallenge, browserHash, token(24), Prompt.Status.OPEN, null, null, null, null, Map.of(),
                clock.instant(), clock.instant().plus(config.promptLifetime()));
    }

    /** The acr values of OIDC's {@code claims} parameter: {"id_token":{"acr":{"values":[...]}}}. */
    private List<String> acrValues(String claims) {
        if (claims == null || claims.isBlank()) {
            return List.of();
        }
        try {
            JsonNode acr = json.readTree(claims).path("id_token").path("acr");
            List<String> values = new ArrayList<>();
            acr.path("values").forEach(v -> values.add(v.asText()));
            if (acr.hasNonNull("value")) {
                values.add(acr.get("value").asText());
            }
            return values;
        } catch (Exception e) {
            throw OidcException.invalidRequest("claims is not valid JSON");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        String value = stringOrNull(claims, name);
        require(present(value), "id_token_hint has no " + name);
        return value;
    }

    private static String stringOrNull(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }

    private static void requireOpenId(Map<String, String> p) {
        String scope = p.getOrDefault("scope", "");
        require(List.of(scope.split(" ")).contains("openid"), "scope must include openid");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw OidcException.invalidRequest(message);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static Outcome refused(String error, String description) {
        return new Outcome(null, new Answer.Refusal(error, description));
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
