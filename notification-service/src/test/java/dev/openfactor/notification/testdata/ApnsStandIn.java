package dev.openfactor.notification.testdata;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;

/**
 * pushy's MockApnsServer (real TLS and HTTP/2) answering as APNs would: device tokens starting
 * {@code dead} are Unregistered, tokens starting {@code flaky} get 500 twice, {@code down} always
 * 503; everything else is accepted and recorded with its headers and payload.
 */
public final class ApnsStandIn {

    public record Received(String token, Map<String, String> headers, String payload) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final MockApnsServer server;
    private final int port;
    private final Path certificatePem;
    private final Path signingKey;

    public ApnsStandIn(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path p12 = dir.resolve("apns.p12");
        Files.deleteIfExists(p12);
        Process keytool = new ProcessBuilder(List.of("keytool", "-genkeypair", "-alias", "apns", "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype",
                "PKCS12", "-keystore", p12.toString(), "-storepass", "testpass", "-keypass", "testpass"))
                .redirectErrorStream(true).start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            store.load(in, "testpass".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("apns");
        certificatePem = dir.resolve("apns-server.pem");
        Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        signingKey = dir.resolve("AuthKey_TESTKEY001.p8");
        Files.writeString(signingKey, pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded()));
        server = new MockApnsServerBuilder()
                .setServerCredentials(new X509Certificate[] {certificate}, (PrivateKey) store.getKey("apns", "testpass".toCharArray()), null)
                .setHandlerFactory(session -> (headers, payload) -> {
                    String path = headers.path().toString();
                    String token = path.substring(path.lastIndexOf('/') + 1);
                    int attempt = ATTEMPTS.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
                    reject(token, attempt);
                    Map<String, String> h = new ConcurrentHashMap<>();
                    headers.forEach(e -> h.put(e.getKey().toString(), e.getValue().toString()));
                    RECEIVED.add(new Received(token, h, payload.toString(StandardCharsets.UTF_8)));
                })
                .build();
        port = server.start(0).get();
    }

    private static void reject(String token, int attempt) throws RejectedNotificationException {
        if (token.startsWith("dead")) {
            throw new UnregisteredDeviceTokenException(Instant.now());
        }
        if (token.startsWith("flaky") && attempt <= 2) {
            throw new RejectedNotificationException(RejectionReason.INTERNAL_SERVER_ERROR);
        }
        if (token.startsWith("down")) {
            throw new RejectedNotificationException(RejectionReason.SERVICE_UNAVAILABLE);
        }
    }

    public static int attempts(String token) {
        AtomicInteger n = ATTEMPTS.get(token);
        return n == null ? 0 : n.get();
    }

    public Map<String, String> config() {
        return Map.of(
                "openfactor.notification.apns.host", "127.0.0.1",
                "openfactor.notification.apns.port", Integer.toString(port),
                "openfactor.notification.apns.trusted-certificate-file", certificatePem.toString(),
                "openfactor.notification.apns.key-file", signingKey.toString(),
                "openfactor.notification.apns.team-id", "TESTTEAM01",
                "openfactor.notification.apns.key-id", "TESTKEY001",
                "openfactor.notification.apns.topic", "dev.openfactor.authenticator");
    }

    public void stop() {
        server.shutdown().join();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
