package dev.openfactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: CPU model and count, memory, JDK. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cpu() + " × " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "); PostgreSQL and Kafka on the same machine";
    }

    private static String cpu() {
        return line(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String memory() {
        return line(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> Math.round(Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024.0) + " GiB RAM")
                .orElse("unknown RAM");
    }

    private static java.util.Optional<String> line(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
