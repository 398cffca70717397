package dev.openfactor.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;

/** Reference for fan-out: pushy alone, one process, sending as fast as the mock accepts. */
final class RawPushy {

    private RawPushy() {
    }

    /** Notifications per second accepted by the stand-in. */
    static double rate(ApnsStandIn apns, int notifications, String payload) throws Exception {
        ApnsClient client = new ApnsClientBuilder().setApnsServer("127.0.0.1", apns.port())
                .setTrustedServerCertificateChain(apns.certificate())
                .setHostnameVerificationEnabled(false)
                .setSigningKey(apns.signingKey())
                .build();
        try {
            send(client, 50, payload); // connect and warm up
            long start = System.nanoTime();
            send(client, notifications, payload);
            return notifications / ((System.nanoTime() - start) / 1e9);
        } finally {
            client.close().get();
        }
    }

    private static void send(ApnsClient client, int count, String payload) throws Exception {
        Semaphore inFlight = new Semaphore(1000);
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            all[i] = client.sendNotification(new SimpleApnsPushNotification(token(i), "dev.openfactor.authenticator", payload))
                    .whenComplete((response, error) -> inFlight.release());
        }
        CompletableFuture.allOf(all).get();
    }

    static String token(long i) {
        return String.format("%064x", i + 1);
    }
}
