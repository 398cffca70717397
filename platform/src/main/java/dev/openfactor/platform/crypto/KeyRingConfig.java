package dev.openfactor.platform.crypto;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * {@code openfactor.crypto.<ring>.active-key-id} and {@code openfactor.crypto.<ring>.keys}
 * ({@code kid:base64,...}), from environment variables or mounted files, never the repository.
 * {@code kek} seals TOTP secrets (enrollment and verification hold it); {@code delivery} seals
 * codes inside notification commands (notification-service holds it too).
 */
@ConfigMapping(prefix = "openfactor.crypto")
public interface KeyRingConfig {

    Optional<Ring> kek();

    Optional<Ring> delivery();

    interface Ring {
        String activeKeyId();

        String keys();
    }
}
