package dev.openfactor.platform.security;

import java.security.MessageDigest;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The operator token for {@code /admin/v1/**} ({@code openfactor.admin.token}, from the
 * environment or a Kubernetes Secret). Without one the admin API refuses everybody.
 */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);
    private static final int MIN_LENGTH = 16;

    private final Optional<byte[]> expectedHash;

    AdminToken(@ConfigProperty(name = "openfactor.admin.token") Optional<String> token) {
        Optional<String> usable = token.map(String::trim).filter(t -> t.length() >= MIN_LENGTH);
        if (usable.isEmpty()) {
            LOG.warnf("openfactor.admin.token is unset or shorter than %d characters: the admin API is closed", MIN_LENGTH);
        }
        this.expectedHash = usable.map(ApiKeyFormat::hash);
    }

    public boolean matches(String presented) {
        if (expectedHash.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(ApiKeyFormat.hash(presented), expectedHash.get());
    }
}
