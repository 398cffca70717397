package dev.openfactor.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the highest RSS seen per service while load runs (sampled every 100 ms). */
final class RssSampler {

    private final Map<String, Double> peakMegabytes = new ConcurrentHashMap<>();

    final class Sampling implements AutoCloseable {
        private final Thread thread;

        private Sampling(ServiceProcess service) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakMegabytes.merge(service.name(), ProcessStats.rssMegabytes(service.pid()), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-" + service.name());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    Sampling sample(ServiceProcess service) {
        return new Sampling(service);
    }

    double peak(String service) {
        return peakMegabytes.getOrDefault(service, 0.0);
    }
}
