package dev.openfactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and thread count of a process, from /proc (Linux). */
public final class ProcessStats {

    private ProcessStats() {
    }

    public static double rssMegabytes(long pid) {
        return field(pid, "VmRSS:") / 1024.0;
    }

    public static long threads(long pid) {
        return field(pid, "Threads:");
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException(name + " not in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }
}
