package dev.openfactor.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The test's relying party: Microsoft Entra ID for the external-method profile (it signs expired
 * id_token_hints), or a web app for the code flow (request objects, client assertions). Its own RSA key.
 */
final class RelyingParty {

    final RSAKey key = newKey();

    Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As Entra ID issues it: signed, already expired, iat now. */
    String entraHint(String issuer, String audience, String subject, String upn) {
        Date now = new Date();
        return sign(new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject).claim("preferred_username", upn)
                .claim("tid", "tenant-guid").issueTime(now).expirationTime(now).build());
    }

    String clientAssertion(String clientId, String audience) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120))).build());
    }

    /** Verifies an id_token as a relying party must: signature by a key of the issuer's JWKS (from its x5c too). */
    static JWTClaimsSet verify(String idToken, String jwksJson) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        RSAKey published = (RSAKey) JWKSet.parse(jwksJson).getKeyByKeyId(jwt.getHeader().getKeyID());
        if (published == null || !jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.RS256)) {
            throw new AssertionError("id_token kid/alg not published");
        }
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(published.getX509CertChain().get(0).decode()));
        if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) cert.getPublicKey()))) {
            throw new AssertionError("id_token signature does not verify against the x5c certificate");
        }
        return jwt.getJWTClaimsSet();
    }

    static String verifier() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
