package dev.openfactor.prompt.oidc;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.store.Db;
import dev.openfactor.prompt.store.Sealer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RSA keys that sign id_tokens. Rotation in two steps, so relying parties that cache the JWKS never see
 * a token signed by a key they do not know yet: {@link #createNext()} publishes a new key without signing
 * with it; {@link #activate(String)} switches, and the old key stays published ('previous') until retired.
 * The signing key is the most recently activated published one, read from the database on every use, so
 * every replica switches at once and two replicas creating the first key at once still agree.
 */
@ApplicationScoped
public class SigningKeys {

    /** A published key: state 'active' (signs), 'next' (never activated) or 'previous'. */
    public record Published(String kid, String state, RSAKey jwk) {
    }

    private final Db db;
    private final Sealer sealer;
    private final PromptConfig config;
    private final Clock clock;

    SigningKeys(Db db, Sealer sealer, PromptConfig config, Clock clock) {
        this.db = db;
        this.sealer = sealer;
        this.config = config;
        this.clock = clock;
    }

    /** A first deployment signs from its first request; replicas starting together agree on one key. */
    @Startup
    void ensureActiveKey() {
        if (active().isEmpty()) {
            insert("active");
        }
    }

    public JWKSet publishedSet() {
        return new JWKSet(new ArrayList<>(published().stream().map(p -> (com.nimbusds.jose.jwk.JWK) p.jwk()).toList()));
    }

    public List<Published> published() {
        return db.query("""
                SELECT kid, certificate, CASE WHEN activated_at IS NULL THEN 'next'
                    WHEN row_number() OVER (ORDER BY activated_at DESC NULLS LAST, kid) = 1 THEN 'active' ELSE 'previous' END AS state
                FROM signing_key WHERE NOT retired ORDER BY activated_at DESC NULLS FIRST, kid
                """, row -> new Published(row.getString("kid"), row.getString("state"),
                        publicJwk(row.getString("kid"), certificate(row.getBytes("certificate")))));
    }

    /** The active key with its private half. */
    public RSAKey signingKey() {
        return active().orElseThrow(() -> new IllegalStateException("no active signing key"));
    }

    public String createNext() {
        return insert("next");
    }

    /** Makes {@code kid} the signing key; the one it replaces stays published. False if no such published key. */
    public boolean activate(String kid) {
        return db.update("UPDATE signing_key SET activated_at = clock_timestamp() WHERE kid = ? AND NOT retired", kid) == 1;
    }

    public enum Retirement { RETIRED, NOT_FOUND, ACTIVE }

    /** Stops publishing a key; the active key cannot be retired. */
    public Retirement retire(String kid) {
        Optional<String> state = published().stream().filter(p -> p.kid().equals(kid)).map(Published::state).findFirst();
        if (state.isEmpty()) {
            return Retirement.NOT_FOUND;
        }
        if (state.get().equals("active")) {
            return Retirement.ACTIVE;
        }
        db.update("UPDATE signing_key SET retired = true WHERE kid = ?", kid);
        return Retirement.RETIRED;
    }

    private Optional<RSAKey> active() {
        return db.one("""
                SELECT kid, private_key_sealed, certificate FROM signing_key WHERE NOT retired AND activated_at IS NOT NULL
                ORDER BY activated_at DESC, kid LIMIT 1
                """, row -> {
            String kid = row.getString("kid");
            X509Certificate certificate = certificate(row.getBytes("certificate"));
            byte[] pkcs8 = sealer.open(row.getString("private_key_sealed"), "signing-key:" + kid);
            return new RSAKey.Builder(publicJwk(kid, certificate)).privateKey(privateKey(pkcs8)).build();
        });
    }

    private String insert(String state) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            X509Certificate certificate = SelfSignedCertificates.issue(keys, URI.create(config.issuer()).getHost() + " id_token signing",
                    clock.instant());
            String sealed = sealer.seal(keys.getPrivate().getEncoded(), "signing-key:" + kid);
            db.update("""
                    INSERT INTO signing_key (kid, private_key_sealed, certificate, activated_at)
                    VALUES (?, ?, ?, CASE WHEN ? THEN clock_timestamp() END)
                    """, kid, sealed, certificate.getEncoded(), "active".equals(state));
            return kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a signing key", e);
        }
    }

    private static RSAKey publicJwk(String kid, X509Certificate certificate) {
        try {
            return new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey())
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(certificate.getEncoded())))
                    .x509CertSHA256Thumbprint(com.nimbusds.jose.util.Base64URL.encode(
                            java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored certificate does not parse", e);
        }
    }

    private static RSAPrivateKey privateKey(byte[] pkcs8) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
