package dev.openfactor.platform.probe;

import java.util.UUID;

import dev.openfactor.platform.jdbc.Jdbc;

/** A row written by test handlers, so tests can count how often an effect happened. */
public final class ProbeEffect {

    private ProbeEffect() {
    }

    /** Records one effect marked {@code marker} in the caller's transaction. */
    public static void record(Jdbc jdbc, String marker) {
        jdbc.update("INSERT INTO probe_effect (id, marker) VALUES (?, ?)", UUID.randomUUID(), marker);
    }

    public static long count(Jdbc jdbc, String marker) {
        return jdbc.count("SELECT count(*) FROM probe_effect WHERE marker = ?", marker);
    }
}
