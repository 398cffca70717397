package dev.openfactor.platform.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The configured key rings, parsed once each on first use. */
@ApplicationScoped
public class KeyRings {

    public static final String KEY_ENCRYPTION = "kek";
    public static final String DELIVERY = "delivery";

    private final KeyRingConfig config;
    private final Map<String, KeyRing> parsed = new ConcurrentHashMap<>();

    KeyRings(KeyRingConfig config) {
        this.config = config;
    }

    public KeyRing ring(String name) {
        return parsed.computeIfAbsent(name, this::load);
    }

    private KeyRing load(String name) {
        Optional<KeyRingConfig.Ring> ring = switch (name) {
            case KEY_ENCRYPTION -> config.kek();
            case DELIVERY -> config.delivery();
            default -> Optional.empty();
        };
        KeyRingConfig.Ring r = ring.orElseThrow(
                () -> new IllegalStateException("no key ring '" + name + "' configured (openfactor.crypto." + name + ".*)"));
        return KeyRing.parse(name, r.activeKeyId(), r.keys());
    }
}
