package dev.openfactor.prompt.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.oidc.IdTokens;
import dev.openfactor.prompt.oidc.OidcException;
import dev.openfactor.prompt.oidc.Pkce;
import dev.openfactor.prompt.oidc.SignedAssertions;
import dev.openfactor.prompt.store.ClientStore;
import dev.openfactor.prompt.store.CodeStore;
import dev.openfactor.prompt.store.PromptStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The token endpoint: the client proves itself ({@code private_key_jwt} with its registered keys, or its
 * secret), the code is redeemed once, and the PKCE verifier must hash to the challenge of the request.
 */
@ApplicationScoped
public class TokenExchange {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration ASSERTION_MAX_AGE = Duration.ofMinutes(5);

    private final ClientStore clients;
    private final CodeStore codes;
    private final PromptStore prompts;
    private final SignedAssertions assertions;
    private final IdTokens idTokens;
    private final Answers answers;
    private final PromptConfig config;
    private final SecureRandom random = new SecureRandom();

    TokenExchange(ClientStore clients, CodeStore codes, PromptStore prompts, SignedAssertions assertions, IdTokens idTokens,
            Answers answers, PromptConfig config) {
        this.clients = clients;
        this.codes = codes;
        this.prompts = prompts;
        this.assertions = assertions;
        this.idTokens = idTokens;
        this.answers = answers;
        this.config = config;
    }

    public String tokenEndpoint() {
        return config.issuer() + "/token";
    }

    /** {@code basic} is the client id and secret of an HTTP Basic header, if one came. */
    public Map<String, Object> exchange(Map<String, String> form, Optional<String[]> basic) {
        Client client = authenticate(form, basic);
        if (!"authorization_code".equals(form.get("grant_type"))) {
            throw new OidcException("unsupported_grant_type", "only authorization_code is supported");
        }
        Prompt prompt = codes.redeem(form.get("code")).flatMap(prompts::find)
                .orElseThrow(() -> new OidcException("invalid_grant", "the code is unknown, expired or already used"));
        if (!prompt.clientId().equals(client.clientId()) || !prompt.redirectUri().equals(form.get("redirect_uri"))) {
            throw new OidcException("invalid_grant", "the code was issued to another client or redirect_uri");
        }
        if (!Pkce.matches(form.get("code_verifier"), prompt.codeChallenge())) {
            throw new OidcException("invalid_grant", "code_verifier does not match the code_challenge");
        }
        return Map.of("access_token", opaque(), "token_type", "Bearer", "expires_in", 60,
                "id_token", idTokens.issue(answers.statement(prompt)));
    }

    private Client authenticate(Map<String, String> form, Optional<String[]> basic) {
        String clientId = basic.map(b -> b[0]).orElse(form.get("client_id"));
        String assertion = form.get("client_assertion");
        if (assertion != null && clientId == null) {
            clientId = unverifiedIssuer(assertion);
        }
        Client client = Optional.ofNullable(clientId).filter(id -> id.length() <= 200).flatMap(clients::find)
                .orElseThrow(TokenExchange::invalidClient);
        if (assertion != null) {
            if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
                throw invalidClient();
            }
            JWTClaimsSet claims = verifiedAssertion(assertion, client);
            if (!client.clientId().equals(claims.getSubject())) {
                throw invalidClient();
            }
            return client;
        }
        String secret = basic.map(b -> b[1]).orElse(form.get("client_secret"));
        String expected = client.registration().secretHash();
        if (secret == null || expected == null || !MessageDigest.isEqual(CodeStore.hash(secret).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))) {
            throw invalidClient();
        }
        return client;
    }

    /** RFC 7523: the audience is the token endpoint; the issuer is accepted too, as many clients send it. */
    private JWTClaimsSet verifiedAssertion(String assertion, Client client) {
        for (String audience : new String[] {tokenEndpoint(), config.issuer()}) {
            try {
                return assertions.verify(assertion, client.registration().relyingParty(),
                        new SignedAssertions.Expectations(client.clientId(), audience, ASSERTION_MAX_AGE, true), "client_assertion");
            } catch (OidcException e) {
                // next audience, then refused
            }
        }
        throw invalidClient();
    }

    private static String unverifiedIssuer(String assertion) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(assertion).getJWTClaimsSet().getIssuer();
        } catch (java.text.ParseException e) {
            throw invalidClient();
        }
    }

    private static OidcException invalidClient() {
        return new OidcException("invalid_client", "client authentication failed");
    }

    private String opaque() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
