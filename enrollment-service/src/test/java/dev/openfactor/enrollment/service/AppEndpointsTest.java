package dev.openfactor.enrollment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings told to every paired app are checked before the service starts. */
class AppEndpointsTest {

    private static final String VAPID = "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI";

    @Test
    void givesTheBaseUrlsWithoutTrailingSlashesAndTheKey() {
        AppEndpoints endpoints = new AppEndpoints("https://mfa.example.com/", "https://mfa-verify.example.com//",
                Optional.of(" " + VAPID + " "));

        assertEquals("https://mfa.example.com", endpoints.enrollmentUrl());
        assertEquals("https://mfa-verify.example.com", endpoints.verificationUrl());
        assertEquals(Optional.of(VAPID), endpoints.vapidPublicKey());
    }

    @Test
    void noKeyOrABlankOneMeansNoWebPush() {
        assertFalse(new AppEndpoints("http://localhost:8081", "http://localhost:8082", Optional.empty()).vapidPublicKey()
                .isPresent());
        assertFalse(new AppEndpoints("http://localhost:8081", "http://localhost:8082", Optional.of("  ")).vapidPublicKey()
                .isPresent());
    }

    @Test
    void keepsAPathInTheBaseUrl() {
        assertEquals("https://example.com/mfa",
                new AppEndpoints("https://example.com/mfa", "https://example.com/verify", Optional.empty()).enrollmentUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a url", "mfa-verify.example.com", "ftp://mfa-verify.example.com", "javascript:alert(1)",
            "https://mfa-verify.example.com?x=1", "https://mfa-verify.example.com#x", "https://user:pw@mfa-verify.example.com",
            "file:///etc/passwd", "https://" })
    void refusesAVerificationUrlAnAppCouldNotUse(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AppEndpoints("https://mfa.example.com", url, Optional.empty()));
        assertTrue(e.getMessage().contains("openfactor.enrollment.verification-public-url"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "x", "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5a",
            "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI=",
            "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX/teLqZTynbzORN5aI",
            "A4FcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI",
            "BOFcT6Gz8EweNAzNeotLUeByXoRPUD0FopoiwSRYUjczywB2KtN0my2kgT2ZqYGTrErjzX_teLqZTynbzORN5aI\nX",
            // the right length and prefix, but (1, 1) is not on the curve
            "BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE" })
    void refusesAVapidKeyThatIsNotAnUncompressedP256Point(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AppEndpoints("https://mfa.example.com", "https://mfa-verify.example.com", Optional.of(key)));
        assertTrue(e.getMessage().contains("openfactor.webpush.vapid-public-key"), e.getMessage());
        assertFalse(e.getMessage().contains(key.trim()), "the value is not repeated");
    }

    @Test
    void refusesACompressedPoint() {
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(compressed);
        assertThrows(IllegalArgumentException.class,
                () -> new AppEndpoints("https://mfa.example.com", "https://mfa-verify.example.com", Optional.of(key)));
    }
}
