package dev.openfactor.notification.channel.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * VAPID (RFC 8292): an ES256 JWT naming the push service's origin ({@code aud}), an expiry and
 * the operator's contact ({@code sub}), sent as {@code Authorization: vapid t=<jwt>, k=<public key>}.
 * One token per origin is reused until an hour before it expires: signing is the costly part.
 */
final class VapidSigner {

    static final Duration LIFETIME = Duration.ofHours(12);
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofHours(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));

    private record Token(String jwt, Instant expiresAt) {
    }

    private final ECPrivateKey privateKey;
    private final String publicKey;
    private final String subject;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Map<String, Token> byOrigin = new ConcurrentHashMap<>();

    VapidSigner(ECPrivateKey privateKey, byte[] publicKey, String subject, Clock clock, ObjectMapper mapper) {
        this.privateKey = privateKey;
        this.publicKey = BASE64URL.encodeToString(publicKey);
        this.subject = subject;
        this.clock = clock;
        this.mapper = mapper;
    }

    String authorization(URI endpoint) {
        String origin = origin(endpoint);
        Instant now = clock.instant();
        Token token = byOrigin.compute(origin, (o, cached) -> cached != null
                && now.isBefore(cached.expiresAt().minus(RENEW_BEFORE_EXPIRY)) ? cached : sign(o, now.plus(LIFETIME)));
        return "vapid t=" + token.jwt() + ", k=" + publicKey;
    }

    /** scheme://host[:port], the default port left out: what the push service compares {@code aud} with. */
    static String origin(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private Token sign(String origin, Instant expiresAt) {
        try {
            String claims = BASE64URL.encodeToString(mapper.writeValueAsBytes(
                    Map.of("aud", origin, "exp", expiresAt.getEpochSecond(), "sub", subject)));
            String signingInput = HEADER + "." + claims;
            // JWS ES256 wants r ‖ s (64 bytes), which is the JDK's P1363 format; plain SHA256withECDSA gives DER.
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(privateKey);
            es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Token(signingInput + "." + BASE64URL.encodeToString(es256.sign()), Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("VAPID signing failed", e);
        }
    }
}
