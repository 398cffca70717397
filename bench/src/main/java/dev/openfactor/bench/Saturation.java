package dev.openfactor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput at saturation: {@code workers} threads each run their next operation as soon as
 * the last returns, for {@code duration} or until a worker runs out of work. Only successful
 * operations count; throughput is over the time the workers actually ran.
 */
public final class Saturation {

    private Saturation() {
    }

    public enum Outcome { OK, FAILED, EXHAUSTED }

    @FunctionalInterface
    public interface Operation {
        /** The {@code seq}-th operation of worker {@code worker}. */
        Outcome run(int worker, long seq);
    }

    public record Result(double perSecond, long succeeded, long failed) {
    }

    public static Result run(int workers, Duration duration, Operation operation) {
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                for (long seq = 0; System.nanoTime() < end; seq++) {
                    Outcome outcome = operation.run(worker, seq);
                    if (outcome == Outcome.EXHAUSTED) {
                        break;
                    }
                    (outcome == Outcome.OK ? ok : bad).incrementAndGet();
                }
                lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
            }, "saturation-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (lastEnd.get() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), bad.get());
    }
}
