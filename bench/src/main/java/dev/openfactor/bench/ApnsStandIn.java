package dev.openfactor.bench;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.server.AcceptAllPushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.RejectionReason;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

/**
 * pushy's MockApnsServer (TLS, HTTP/2) that notes when each notification arrives, keyed by the
 * challengeId in its payload, plus the credentials a client needs to reach it: the server's
 * self-signed certificate (PEM) and a token-auth signing key (.p8, PKCS#8 PEM).
 */
final class ApnsStandIn implements AutoCloseable {

    static final String TEAM_ID = "BENCHTEAM1";
    static final String KEY_ID = "BENCHKEY01";
    private static final Pattern CHALLENGE = Pattern.compile("\"challengeId\"\\s*:\\s*\"([^\"]+)\"");

    private final MockApnsServer server;
    private final int port;
    private final X509Certificate certificate;
    private final ApnsSigningKey signingKey;
    private final Path certificatePem;
    private final Path signingKeyP8;
    private final AtomicLong accepted = new AtomicLong();
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();

    private ApnsStandIn(Path dir) throws Exception {
        Path p12 = dir.resolve("apns-standin.p12");
        Files.deleteIfExists(p12);
        Process keytool = new ProcessBuilder(List.of("keytool", "-genkeypair", "-alias", "apns", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "benchpass", "-keypass", "benchpass"))
                .redirectErrorStream(true).start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            store.load(in, "benchpass".toCharArray());
        }
        certificate = (X509Certificate) store.getCertificate("apns");
        PrivateKey serverKey = (PrivateKey) store.getKey("apns", "benchpass".toCharArray());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair tokenKeys = ec.generateKeyPair();
        signingKey = new ApnsSigningKey(KEY_ID, TEAM_ID, (ECPrivateKey) tokenKeys.getPrivate());
        certificatePem = dir.resolve("apns-standin.pem");
        Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
        signingKeyP8 = dir.resolve("apns-signing-key.p8");
        Files.writeString(signingKeyP8, pem("PRIVATE KEY", tokenKeys.getPrivate().getEncoded()));
        server = new MockApnsServerBuilder()
                .setServerCredentials(new X509Certificate[] {certificate}, serverKey, null)
                .setHandlerFactory(new AcceptAllPushNotificationHandlerFactory())
                .setListener(new Arrivals())
                .setMaxConcurrentStreams(1000)
                .build();
        port = server.start(0).get();
    }

    static ApnsStandIn start(Path dir) {
        try {
            Files.createDirectories(dir);
            return new ApnsStandIn(dir);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the APNs stand-in", e);
        }
    }

    int port() {
        return port;
    }

    X509Certificate certificate() {
        return certificate;
    }

    ApnsSigningKey signingKey() {
        return signingKey;
    }

    Path certificatePem() {
        return certificatePem;
    }

    Path signingKeyP8() {
        return signingKeyP8;
    }

    long accepted() {
        return accepted.get();
    }

    /** Completes with System.nanoTime() of the arrival of the push for {@code challengeId}. */
    CompletableFuture<Long> arrivalOf(String challengeId) {
        return arrivals.computeIfAbsent(challengeId, k -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        server.shutdown().join();
    }

    private final class Arrivals implements MockApnsServerListener {
        @Override
        public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
            long now = System.nanoTime();
            accepted.incrementAndGet();
            if (payload != null) {
                Matcher m = CHALLENGE.matcher(payload.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    arrivalOf(m.group(1)).complete(now);
                }
            }
        }

        @Override
        public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload, RejectionReason reason,
                java.time.Instant deviceTokenExpiration) {
            // the accept-all handler rejects nothing
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
