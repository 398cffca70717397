package dev.openfactor.prompt.testing;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Plays the relying party's identity provider (Microsoft Entra ID, or a web app's own signer): its own
 * RSA key, and the statements it signs. Nothing here is OpenFactor code.
 */
public final class FakeEntra {

    public final String issuer;
    public final String audience;
    private final RSAKey key;

    public FakeEntra(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
        this.key = newKey();
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS an operator registers inline. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** An id_token_hint as Entra ID sends it: issued {@code issuedAt}, already expired. */
    public String hint(String subject, String preferredUsername, Instant issuedAt) {
        return sign(key, new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .claim("preferred_username", preferredUsername).claim("oid", UUID.randomUUID().toString())
                .claim("tid", "3f0a5b6c-0000-4000-8000-00000000c0de")
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt)).build());
    }

    public String hint(String subject, String preferredUsername) {
        return hint(subject, preferredUsername, Instant.now());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code claims} parameter Entra ID sends: acr and amr values it accepts. */
    public static String claimsParameter(List<String> acr) {
        return "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[" + String.join(",", acr.stream().map(a -> "\"" + a + "\"").toList())
                + "]},\"amr\":{\"essential\":true,\"values\":[\"face\",\"fido\",\"fpt\",\"hwk\",\"iris\",\"otp\",\"pop\",\"retina\",\"sc\",\"sms\",\"swk\",\"tel\",\"vbm\"]}}}";
    }

    /** The authorize request as Entra ID POSTs it for {@code clientId}, carrying {@code hint}. */
    public static Map<String, String> authorizeParams(String clientId, String hint) {
        Map<String, String> p = new HashMap<>();
        p.put("scope", "openid");
        p.put("response_type", "id_token");
        p.put("response_mode", "form_post");
        p.put("client_id", clientId);
        p.put("redirect_uri", Admin.ENTRA_REDIRECT);
        p.put("nonce", UUID.randomUUID().toString());
        p.put("state", UUID.randomUUID().toString());
        p.put("claims", claimsParameter(List.of("possessionorinherence")));
        p.put("id_token_hint", hint);
        return p;
    }
}
