package dev.openfactor.notification.channel.webpush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.time.AdjustableClock;
import dev.openfactor.platform.webpush.P256;

/** VAPID tokens: per push-service origin, 12 hours, reused until an hour before they expire. */
class VapidSignerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AdjustableClock clock = new AdjustableClock();
    private final VapidSigner signer = signer();

    {
        clock.freezeAt(java.time.Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void claimsNameTheOriginTwelveHoursAndTheContact() throws Exception {
        String header = signer.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc?x=1"));

        JsonNode claims = claims(header);
        assertEquals("https://fcm.googleapis.com", claims.get("aud").asText());
        assertEquals(clock.instant().plus(Duration.ofHours(12)).getEpochSecond(), claims.get("exp").asLong());
        assertEquals("mailto:security@contoso.example", claims.get("sub").asText());
        assertTrue(header.matches("vapid t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}, k=[A-Za-z0-9_-]{87}"), header);
    }

    @Test
    void reusesATokenPerOriginUntilAnHourBeforeItExpires() throws Exception {
        URI a = URI.create("https://web.push.apple.com/one");
        String first = signer.authorization(a);

        assertEquals(first, signer.authorization(URI.create("https://web.push.apple.com/two")));
        assertNotEquals(first, signer.authorization(URI.create("https://fcm.googleapis.com/x")));
        clock.advance(Duration.ofHours(10).plusMinutes(59));
        assertEquals(first, signer.authorization(a));
        clock.advance(Duration.ofMinutes(2));
        assertNotEquals(first, signer.authorization(a));
    }

    @Test
    void originKeepsOnlyANonDefaultPort() {
        assertEquals("https://fcm.googleapis.com", VapidSigner.origin(URI.create("https://FCM.googleapis.com:443/x")));
        assertEquals("http://127.0.0.1:8089", VapidSigner.origin(URI.create("http://127.0.0.1:8089/push/1")));
    }

    private static JsonNode claims(String header) throws Exception {
        String jwt = header.substring("vapid t=".length(), header.indexOf(','));
        return MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private VapidSigner signer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return new VapidSigner((ECPrivateKey) pair.getPrivate(), P256.uncompressed((ECPublicKey) pair.getPublic()),
                    "mailto:security@contoso.example", clock, MAPPER);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
