package dev.openfactor.prompt.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.openfactor.prompt.config.PromptConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The signed statement of what happened: RS256 by the active key, one {@code acr}, one {@code amr}. */
@ApplicationScoped
public class IdTokens {

    /** {@code tenantId} is echoed as {@code tid} when the hint carried one (Entra ID expects it back). */
    public record Statement(String audience, String subject, String nonce, String acr, String amr, Instant authTime, String tenantId) {
    }

    private final SigningKeys keys;
    private final PromptConfig config;
    private final Clock clock;

    IdTokens(SigningKeys keys, PromptConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public String issue(Statement s) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(s.audience())
                .subject(s.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.idTokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", s.authTime().getEpochSecond())
                .claim("acr", s.acr())
                .claim("amr", List.of(s.amr()));
        if (s.nonce() != null) {
            claims.claim("nonce", s.nonce());
        }
        if (s.tenantId() != null) {
            claims.claim("tid", s.tenantId());
        }
        RSAKey key = keys.signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an id_token", e);
        }
    }
}
