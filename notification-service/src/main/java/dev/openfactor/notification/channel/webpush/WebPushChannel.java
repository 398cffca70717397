package dev.openfactor.notification.channel.webpush;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.channel.NotificationChannel;
import dev.openfactor.notification.domain.Message;
import dev.openfactor.notification.domain.SendResult;
import dev.openfactor.platform.webpush.P256;
import dev.openfactor.platform.webpush.PushServiceAllowlist;
import dev.openfactor.platform.webpush.WebPushConfig;
import dev.openfactor.platform.webpush.WebPushSubscription;

/**
 * Web Push (RFC 8030) to the installable web app: the payload encrypted for the browser (RFC 8291),
 * signed for the push service with VAPID (RFC 8292), POSTed over one shared JDK HTTP client
 * (HTTP/2 where the push service offers it; redirects never followed). The endpoint is re-checked
 * against the allowlist before every send: it is a URL the device chose.
 */
public final class WebPushChannel implements NotificationChannel {

    /** RFC 8030 Topic: at most 32 characters of the URL- and filename-safe base64 alphabet. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Duration DEFAULT_TTL = Duration.ofSeconds(120);

    private final HttpClient client;
    private final VapidSigner signer;
    private final Rfc8291Encryption encryption = new Rfc8291Encryption();
    private final PushServiceAllowlist allowlist;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration requestTimeout;

    private WebPushChannel(VapidSigner signer, PushServiceAllowlist allowlist, ObjectMapper mapper, Clock clock,
            Duration requestTimeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.signer = signer;
        this.allowlist = allowlist;
        this.mapper = mapper;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    public static boolean configured(WebPushConfig config) {
        return config.vapidPublicKey().isPresent() && config.vapidPrivateKey().isPresent();
    }

    /** @throws IllegalStateException when the keys are malformed or not one pair, or the subject is no contact (never quoting a key) */
    public static WebPushChannel create(WebPushConfig config, PushServiceAllowlist allowlist, ObjectMapper mapper, Clock clock,
            Duration requestTimeout) {
        byte[] publicKey;
        ECPrivateKey privateKey;
        try {
            publicKey = Base64.getUrlDecoder().decode(config.vapidPublicKey().orElseThrow().trim());
            P256.publicKey(publicKey);
            privateKey = P256.privateKey(Base64.getUrlDecoder().decode(config.vapidPrivateKey().orElseThrow().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("openfactor.webpush.vapid-public-key / vapid-private-key: not base64url of a P-256 "
                    + "uncompressed point and a 32-byte scalar");
        }
        if (!onePair(privateKey, P256.publicKey(publicKey))) {
            throw new IllegalStateException("openfactor.webpush.vapid-public-key is not the public half of vapid-private-key");
        }
        String subject = config.subject().trim();
        if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
            throw new IllegalStateException("openfactor.webpush.subject must be a mailto: or https: contact");
        }
        return new WebPushChannel(new VapidSigner(privateKey, publicKey, subject, clock, mapper), allowlist, mapper, clock,
                requestTimeout);
    }

    @Override
    public boolean serves(String channel) {
        return "webpush".equals(channel);
    }

    @Override
    public CompletionStage<SendResult> send(Message m) {
        WebPushSubscription subscription;
        try {
            subscription = WebPushSubscription.parse(m.address());
        } catch (IllegalArgumentException e) {
            return done(SendResult.permanent("subscription_invalid"));
        }
        URI endpoint = subscription.endpoint();
        if (!allowlist.permits(endpoint)) {
            return done(SendResult.permanent("push_service_not_allowed"));
        }
        byte[] body;
        try {
            body = encryption.encrypt(payload(m), subscription.userAgentKey(), subscription.auth());
        } catch (IllegalArgumentException e) {
            return done(SendResult.permanent("payload_too_large"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                .header("Authorization", signer.authorization(endpoint))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(ttl(m).getSeconds()))
                .header("Urgency", "high")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        topic(m.challengeId()).ifPresent(topic -> request.header("Topic", topic));
        if ("http".equals(endpoint.getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1); // loopback stand-ins only: no h2c upgrade dance
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error != null ? SendResult.transientFailure("webpush_connection")
                        : classify(response.statusCode()));
    }

    /** RFC 8030: 201 created; 404/410 the subscription is gone; 429 and 5xx pass; anything else is our fault. */
    static SendResult classify(int status) {
        String reason = "webpush_" + status;
        if (status >= 200 && status < 300) {
            return SendResult.sent();
        }
        if (status == 404 || status == 410) {
            return SendResult.addressInvalid(reason);
        }
        if (status == 429 || status >= 500) {
            return SendResult.transientFailure(reason);
        }
        return SendResult.permanent(reason);
    }

    /** A challenge id that fits the Topic alphabet, or a UUID without its hyphens (32 hex digits). */
    static Optional<String> topic(String challengeId) {
        if (challengeId == null) {
            return Optional.empty();
        }
        if (TOPIC.matcher(challengeId).matches()) {
            return Optional.of(challengeId);
        }
        String compact = challengeId.replace("-", "");
        return TOPIC.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** What the APNs and FCM channels carry: the alert, the challenge and its context; never the number to match. */
    private byte[] payload(Message m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", m.purpose() == null ? "push_challenge" : m.purpose());
        p.put("challengeId", m.challengeId() != null ? m.challengeId() : m.data().get("challengeId"));
        p.put("deviceId", m.deviceId() != null ? m.deviceId() : m.data().get("deviceId"));
        if (m.push() != null) {
            p.put("title", m.push().title());
            p.put("body", m.push().body());
            p.put("category", m.push().category());
        }
        p.put("expiresAt", m.expiresAt() == null ? null : m.expiresAt().toString());
        p.put("data", m.data());
        try {
            return mapper.writeValueAsString(p).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration ttl(Message m) {
        if (m.expiresAt() == null) {
            return DEFAULT_TTL;
        }
        Duration left = Duration.between(clock.instant(), m.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean onePair(ECPrivateKey privateKey, ECPublicKey publicKey) {
        try {
            byte[] probe = "openfactor vapid key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static CompletionStage<SendResult> done(SendResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
