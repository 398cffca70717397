package dev.openfactor.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.restassured.response.Response;

/** Many HTTP requests released at the same instant, as an attacker with a script sends them. */
public final class Race {

    private Race() {
    }

    /** Runs {@code n} requests at once and answers their responses in request order. */
    public static List<Response> run(int n, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Response>> racers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                racers.add(() -> {
                    start.await();
                    return request.apply(index);
                });
            }
            List<Future<Response>> futures = racers.stream().map(pool::submit).toList();
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    public static long withStatus(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }
}
