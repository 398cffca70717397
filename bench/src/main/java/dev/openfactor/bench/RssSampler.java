package dev.openfactor.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the highest RSS seen per service while load runs (every service sampled every 100 ms). */
final class RssSampler {

    private final Map<String, Double> peakMegabytes = new ConcurrentHashMap<>();

    final class Sampling implements AutoCloseable {
        private final Thread thread;

        private Sampling(Collection<ServiceProcess> services) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    services.forEach(service -> peakMegabytes.merge(service.name(),
                            ProcessStats.rssMegabytes(service.pid()), Math::max));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    Sampling sample(Collection<ServiceProcess> services) {
        return new Sampling(List.copyOf(services));
    }

    double peak(String service) {
        return peakMegabytes.getOrDefault(service, 0.0);
    }
}
