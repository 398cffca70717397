package dev.openfactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What the figures were measured on: CPU model and count, memory, JDK. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cpu() + " × " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "); PostgreSQL and Kafka on the same machine";
    }

    /**
     * Waits, up to {@code limit}, until the machine's cores are mostly idle (under a quarter busy
     * over half a second), so that a process started next is timed on its own, not against the
     * JIT and group joins of the one started before it.
     */
    static void awaitQuiet(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long[] before = cpuTicks();
        while (System.nanoTime() < deadline) {
            ServiceProcess.pause(500);
            long[] after = cpuTicks();
            long total = after[0] - before[0];
            if (total > 0 && (after[1] - before[1]) < total / 4) {
                return;
            }
            before = after;
        }
    }

    /** All CPU ticks so far and the busy ones among them (the first line of /proc/stat). */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle and iowait
            return new long[] {total, total - idle};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
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
