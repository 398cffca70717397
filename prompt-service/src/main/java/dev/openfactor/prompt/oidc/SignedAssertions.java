package dev.openfactor.prompt.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.openfactor.prompt.service.Client;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies a JWT a relying party signed: signature by one of its keys (asymmetric algorithms only, so
 * "none" and HMAC-with-the-public-key are refused), then issuer, audience and how recently it was issued.
 * Expiry is the caller's choice: Entra ID issues its id_token_hint already expired.
 */
@ApplicationScoped
public class SignedAssertions {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    private static final Duration SKEW = Duration.ofSeconds(60);
    /** Untyped or "JWT", and the request-object type RFC 9101 recommends ({@code oauth-authz-req+jwt}). */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("oauth-authz-req+jwt"), null);

    private final RelyingPartyKeys keys;
    private final Clock clock;

    SignedAssertions(RelyingPartyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** What to insist on besides the signature; {@code maxAge} bounds {@code iat}. */
    public record Expectations(String issuer, String audience, Duration maxAge, boolean requireUnexpired) {
    }

    public JWTClaimsSet verify(String jwt, Client.RelyingParty party, Expectations expected, String what) {
        if (jwt == null || jwt.isBlank()) {
            throw OidcException.invalidRequest(what + " is missing");
        }
        JWTClaimsSet claims;
        try {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(TYPES);
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys.of(party)));
            processor.setJWTClaimsSetVerifier((c, context) -> { });
            claims = processor.process(jwt, null);
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            throw OidcException.invalidRequest(what + " is not validly signed by the relying party");
        }
        if (!expected.issuer().equals(claims.getIssuer())) {
            throw OidcException.invalidRequest(what + " has the wrong issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(expected.audience())) {
            throw OidcException.invalidRequest(what + " is for another audience");
        }
        Instant now = clock.instant();
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().isAfter(now.plus(SKEW)) || iat.toInstant().isBefore(now.minus(expected.maxAge()))) {
            throw OidcException.invalidRequest(what + " is too old or from the future (iat)");
        }
        Date exp = claims.getExpirationTime();
        if (expected.requireUnexpired() && (exp == null || !exp.toInstant().plus(SKEW).isAfter(now))) {
            throw OidcException.invalidRequest(what + " has expired");
        }
        return claims;
    }
}
