package dev.openfactor.prompt.oidc;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate a signing key publishes as {@code x5c}: Entra ID's external authentication methods read
 * the key from it. Self-signed, since relying parties trust the JWKS by its URL, not by a CA.
 */
final class SelfSignedCertificates {

    private static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private SelfSignedCertificates() {
    }

    static X509Certificate issue(KeyPair keys, String commonName, Instant now) {
        try {
            X500Name name = new X500Name("CN=" + commonName.replaceAll("[,=+<>#;\"\\\\]", "_"));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the signing key's certificate", e);
        }
    }
}
