package dev.openfactor.notification.testdata;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.openfactor.platform.testing.BrowserSubscription;

/**
 * A Web Push service on loopback that checks what a real one checks: the VAPID JWT (ES256 against
 * the {@code k=} key, which must be the key the subscription was made for; {@code aud} its own
 * origin; {@code exp} in the future and at most 24 h away; {@code sub} a contact), and then, as the
 * browser would, decrypts the body with the subscription's private key. It records every request
 * and answers each subscription from a script (e.g. 410, or 500 then 201), 201 by default.
 */
public final class WebPushStandIn {

    public record Received(String subscriptionId, Map<String, String> headers, String payload, String refusal) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair vapid;
    private final Map<String, BrowserSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebPushStandIn() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        vapid = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** openfactor.webpush.* for the service: the VAPID pair made for this run (protects nothing). */
    public Map<String, String> config() {
        byte[] scalar = ((java.security.interfaces.ECPrivateKey) vapid.getPrivate()).getS().toByteArray();
        byte[] fixed = new byte[32];
        int skip = Math.max(0, scalar.length - 32);
        System.arraycopy(scalar, skip, fixed, 32 - (scalar.length - skip), scalar.length - skip);
        return Map.of(
                "openfactor.webpush.vapid-public-key", BrowserSubscription.base64url(Rfc8291Decryptor.raw((ECPublicKey) vapid.getPublic())),
                "openfactor.webpush.vapid-private-key", BrowserSubscription.base64url(fixed),
                "openfactor.webpush.subject", "mailto:security@contoso.example",
                "openfactor.webpush.allow-loopback", "true");
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A browser subscribes; its push service will answer these statuses in turn, then 201. */
    public BrowserSubscription subscribe(Integer... answers) {
        String id = UUID.randomUUID().toString();
        BrowserSubscription subscription = BrowserSubscription.at(origin() + "/push/" + id);
        subscriptions.put(id, subscription);
        scripts.put(id, new ArrayDeque<>(List.of(answers)));
        return subscription;
    }

    public static String id(BrowserSubscription subscription) {
        return subscription.endpoint().substring(subscription.endpoint().lastIndexOf('/') + 1);
    }

    public List<Received> received(String subscriptionId) {
        return received.stream().filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        BrowserSubscription subscription = subscriptions.get(id);
        int status;
        String payload = null;
        String refusal = null;
        if (subscription == null || !"POST".equals(exchange.getRequestMethod())) {
            status = 404;
            refusal = "unknown subscription";
        } else if ((refusal = vapidRefusal(headers.get("authorization"))) != null) {
            status = 401;
        } else if (!"aes128gcm".equals(headers.get("content-encoding"))) {
            status = 400;
            refusal = "content-encoding " + headers.get("content-encoding");
        } else {
            try {
                payload = new String(Rfc8291Decryptor.decrypt(body, subscription.keys().getPrivate(),
                        (ECPublicKey) subscription.keys().getPublic(), subscription.auth()), StandardCharsets.UTF_8);
                Integer scripted = scripts.get(id).poll();
                status = scripted == null ? 201 : scripted;
            } catch (Exception e) {
                status = 400;
                refusal = "undecryptable: " + e;
            }
        }
        received.add(new Received(id, headers, payload, refusal));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Null when the VAPID header is what RFC 8292 asks for, else why not. */
    private String vapidRefusal(String authorization) {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            return "no vapid authorization";
        }
        Map<String, String> params = new ConcurrentHashMap<>();
        for (String part : authorization.substring(6).split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2) {
                params.put(kv[0], kv[1]);
            }
        }
        String jwt = params.get("t");
        String k = params.get("k");
        if (jwt == null || k == null) {
            return "vapid without t or k";
        }
        try {
            byte[] key = Base64.getUrlDecoder().decode(k);
            ECPublicKey expected = (ECPublicKey) vapid.getPublic();
            if (!Arrays.equals(key, Rfc8291Decryptor.raw(expected))) {
                return "k is not the subscription's application server key";
            }
            String[] parts = jwt.split("\\.");
            JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (parts.length != 3 || !"ES256".equals(header.path("alg").asText())) {
                return "not an ES256 JWT";
            }
            byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
            Signature es256 = Signature.getInstance("SHA256withECDSA");
            es256.initVerify(Rfc8291Decryptor.point(key, expected));
            es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (raw.length != 64 || !es256.verify(der(raw))) {
                return "bad signature";
            }
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = Instant.now().getEpochSecond();
            long exp = claims.path("exp").asLong();
            if (!origin().equals(claims.path("aud").asText())) {
                return "aud is not this origin";
            }
            if (exp <= now || exp > now + Duration.ofHours(24).getSeconds()) {
                return "exp not within 24 h";
            }
            String sub = claims.path("sub").asText("");
            if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
                return "sub is no contact";
            }
            return null;
        } catch (Exception e) {
            return "malformed vapid: " + e;
        }
    }

    /** JWS r ‖ s to the DER SEQUENCE { INTEGER r, INTEGER s } that the JDK's SHA256withECDSA verifies. */
    private static byte[] der(byte[] raw) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
        byte[] out = new byte[6 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + r.length + s.length);
        out[2] = 0x02;
        out[3] = (byte) r.length;
        System.arraycopy(r, 0, out, 4, r.length);
        out[4 + r.length] = 0x02;
        out[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, out, 6 + r.length, s.length);
        return out;
    }
}
