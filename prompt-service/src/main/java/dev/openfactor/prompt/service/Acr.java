package dev.openfactor.prompt.service;

import java.util.List;
import java.util.Optional;

/**
 * Picks the one {@code acr} an id_token states from those the relying party asked for. Every OpenFactor
 * method proves possession of a device or phone, so a value naming possession is met; an empty ask gets
 * Entra ID's usual value.
 */
public final class Acr {

    static final String DEFAULT = "possessionorinherence";

    private Acr() {
    }

    public static Optional<String> choose(List<String> asked) {
        if (asked.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        return asked.stream().filter(a -> a.toLowerCase(java.util.Locale.ROOT).contains("possession")).findFirst();
    }
}
