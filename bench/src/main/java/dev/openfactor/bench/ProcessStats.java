package dev.openfactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory, thread count and CPU time of a process, from /proc (Linux). */
public final class ProcessStats {

    private ProcessStats() {
    }

    public static double rssMegabytes(long pid) {
        return field(pid, "VmRSS:") / 1024.0;
    }

    public static long threads(long pid) {
        return field(pid, "Threads:");
    }

    /** User plus system CPU time so far, in seconds (fields 14 and 15 of /proc/pid/stat, in clock ticks). */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the name may hold spaces
            return (Long.parseLong(after[11]) + Long.parseLong(after[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    /** USER_HZ: 100 on every Linux architecture the JVM runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

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
