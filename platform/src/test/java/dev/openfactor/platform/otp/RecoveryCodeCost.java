package dev.openfactor.platform.otp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Measures what one recovery-code check costs on this machine: one KDF run at the stored
 * iteration count, then ten constant-time compares. Run by hand after `./mvnw -pl platform test-compile`, not in the suite:
 * {@code java -cp platform/target/classes:platform/target/test-classes:<jackson-annotations jar>
 * dev.openfactor.platform.otp.RecoveryCodeCost [runs]}.
 */
public final class RecoveryCodeCost {

    private RecoveryCodeCost() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        RecoveryCodeHashes set = RecoveryCodeHashes.of(List.of("AAAAA-AAAAA", "BBBBB-BBBBB", "CCCCC-CCCCC",
                "DDDDD-DDDDD", "EEEEE-EEEEE", "FFFFF-FFFFF", "GGGGG-GGGGG", "HHHHH-HHHHH", "JJJJJ-JJJJJ", "KKKKK-KKKKK"));
        for (int i = 0; i < 3; i++) {
            set.match("ZZZZZ-ZZZZZ"); // warm-up: JIT
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            set.match("ZZZZZ-ZZZZZ");
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            wall[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        // CPU time is what a check takes from the machine; wall time also shows what other load adds.
        System.out.printf("PBKDF2-HMAC-SHA256, %d iterations, one check against 10 hashes, %d runs: "
                + "CPU median %.0f ms (min %.0f); wall median %.0f ms (min %.0f, max %.0f); %d cores%n",
                set.iterations(), runs, cpu[runs / 2], cpu[0], wall[runs / 2], wall[0], wall[runs - 1],
                Runtime.getRuntime().availableProcessors());
    }
}
