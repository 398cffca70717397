package dev.openfactor.platform.webpush;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.openfactor.platform.testing.BrowserSubscription;

/** The push token of a webpush device, PushSubscription.toJSON(), read strictly. */
class WebPushSubscriptionTest {

    private static final String ENDPOINT = "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bHun4MxP5egoKMwt2KZFBaFUH";
    private final BrowserSubscription browser = BrowserSubscription.at(ENDPOINT);

    @Test
    void readsWhatABrowserGives() {
        WebPushSubscription s = WebPushSubscription.parse(browser.token());

        assertEquals(ENDPOINT, s.endpoint().toString());
        assertArrayEquals(browser.auth(), s.auth());
        assertEquals(((ECPublicKey) browser.keys().getPublic()).getW(), s.userAgentKey().getW());
    }

    @Test
    void acceptsExtraFieldsPaddingAndANumericExpiry() {
        String padded = Base64.getUrlEncoder().encodeToString(browser.auth()); // "…==" 
        String token = "{\"endpoint\":\"" + ENDPOINT + "\",\"expirationTime\":1767225600000,\"keys\":{\"p256dh\":\""
                + browser.p256dh() + "=\",\"auth\":\"" + padded + "\",\"extra\":1},\"options\":{}}";

        assertArrayEquals(browser.auth(), WebPushSubscription.parse(token).auth());
    }

    @Test
    void neverQuotesTheTokenInItsRefusalOrItsName() {
        String token = BrowserSubscription.token(ENDPOINT, browser.p256dh(), "c2hvcnQ");
        var e = assertThrows(WebPushSubscription.InvalidSubscriptionException.class, () -> WebPushSubscription.parse(token));
        assertFalse(e.getMessage().contains("c2hvcnQ"));
        assertFalse(e.getMessage().contains("fcm"));
        assertEquals("WebPushSubscription[fcm.googleapis.com]", WebPushSubscription.parse(browser.token()).toString());
    }

    @Test
    void refusesAPointOffTheCurve() {
        byte[] point = Base64.getUrlDecoder().decode(browser.p256dh());
        point[64] ^= 1; // y no longer solves the curve equation
        String token = BrowserSubscription.token(ENDPOINT, BrowserSubscription.base64url(point), browser.authBase64());

        var e = assertThrows(IllegalArgumentException.class, () -> WebPushSubscription.parse(token));
        assertTrue(e.getMessage().contains("p256dh"), e.getMessage());
    }

    @Test
    void refusesCoordinatesBeyondTheFieldPrime() {
        // (x + p, y) is the same residue as a point on the curve but not a canonical encoding: refused.
        ECPublicKey key = (ECPublicKey) browser.keys().getPublic();
        BigInteger p = ((java.security.spec.ECFieldFp) P256.SPEC.getCurve().getField()).getP();
        assertTrue(P256.onCurve(key.getW().getAffineX(), key.getW().getAffineY()));
        assertFalse(P256.onCurve(key.getW().getAffineX().add(p), key.getW().getAffineY()));
        assertFalse(P256.onCurve(p, BigInteger.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "\"a string\"",
        "null",
        "{}",
        "{\"endpoint\":\"https://fcm.googleapis.com/x\"}",
        "{\"endpoint\":42,\"keys\":{\"p256dh\":\"P\",\"auth\":\"A\"}}",
        "{\"endpoint\":\"https://fcm.googleapis.com/x\",\"keys\":\"k\"}",
        "{\"endpoint\":\"https://fcm.googleapis.com/x\",\"keys\":{\"p256dh\":\"P\"}}",
        "{\"endpoint\":\"https://fcm.googleapis.com/x\",\"keys\":{\"auth\":\"A\"}}",
        "{\"endpoint\":\"relative/path\",\"keys\":{\"p256dh\":\"P\",\"auth\":\"A\"}}",
        "{\"endpoint\":\"javascript:alert(1)\",\"keys\":{\"p256dh\":\"P\",\"auth\":\"A\"}}",
        "{\"endpoint\":\"https://fcm.googleapis.com/a b\",\"keys\":{\"p256dh\":\"P\",\"auth\":\"A\"}}",
        "{\"endpoint\":\"https://fcm.googleapis.c\u043em/\",\"keys\":{\"p256dh\":\"P\",\"auth\":\"A\"}}",
        "{\"endpoint\":\"https://fcm.googleapis.com/\\u0000\",\"keys\":{\"p256dh\":\"P\",\"auth\":\"A\"}}",
    })
    void refusesWhatIsNotASubscription(String token) {
        String filled = token.replace("\"P\"", "\"" + browser.p256dh() + "\"").replace("\"A\"", "\"" + browser.authBase64() + "\"");
        assertThrows(IllegalArgumentException.class, () -> WebPushSubscription.parse(filled), filled);
    }

    @Test
    void refusesWrongKeyLengthsAndEncodings() {
        String p256dh = browser.p256dh();
        String auth = browser.authBase64();
        byte[] compressed = new byte[33];
        compressed[0] = 2;
        for (String[] bad : new String[][] {
            {p256dh, BrowserSubscription.base64url(new byte[15])},
            {p256dh, BrowserSubscription.base64url(new byte[32])},
            {p256dh, ""},
            {BrowserSubscription.base64url(compressed), auth},
            {BrowserSubscription.base64url(new byte[65]), auth},
            {"", auth},
            {p256dh, auth + "!"},
        }) {
            String token = BrowserSubscription.token(ENDPOINT, bad[0], bad[1]);
            assertThrows(IllegalArgumentException.class, () -> WebPushSubscription.parse(token), token);
        }
    }

    @Test
    void refusesDuplicateFieldsThatCouldHideAnEndpoint() {
        String token = "{\"endpoint\":\"" + ENDPOINT + "\",\"endpoint\":\"https://evil.example/\",\"keys\":{\"p256dh\":\""
                + browser.p256dh() + "\",\"auth\":\"" + browser.authBase64() + "\"}}";
        assertThrows(IllegalArgumentException.class, () -> WebPushSubscription.parse(token));
    }

    @Test
    void refusesATokenBeyondThePushTokenLimit() {
        String token = BrowserSubscription.token(ENDPOINT + "/" + "a".repeat(4096), browser.p256dh(), browser.authBase64());
        assertThrows(IllegalArgumentException.class, () -> WebPushSubscription.parse(token));
    }
}
