package dev.openfactor.platform.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppOriginsTest {

    private final AppOrigins origins = AppOrigins.of(List.of("https://mfa-app.example.com", " http://127.0.0.1:8090 ", ""));

    @Test
    void matchesAListedOriginWhateverTheCaseOfSchemeAndHost() {
        assertEquals(Optional.of("https://mfa-app.example.com"), origins.match("https://mfa-app.example.com"));
        assertEquals(Optional.of("HTTPS://MFA-App.Example.COM"), origins.match("HTTPS://MFA-App.Example.COM"));
        assertEquals(Optional.of("http://127.0.0.1:8090"), origins.match("http://127.0.0.1:8090"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "null", "", " ", "*", "https://app.example.evil", "https://mfa-app.example.com.evil",
            "https://evil.mfa-app.example.com", "https://mfa-app.example.com/", "https://mfa-app.example.com/path",
            "https://mfa-app.example.com:443", "http://mfa-app.example.com", "https://mfa-app.example.com:8443",
            "http://127.0.0.1", "http://127.0.0.1:80900", "https://user@mfa-app.example.com",
            "https://mfa-app.example.com https://app.example.evil", "https://mfa-app.example.com,https://app.example.evil",
            "https://mfa-app.example.com\r\nX-Injected: 1", "https://mfa-app.example.com\u0000", "file://", "mfa-app.example.com",
            "ftp://mfa-app.example.com", "https://mfa-app.example.com?x=1", "https://mfa-app.example.com#x",
            " https://mfa-app.example.com" })
    void refusesEverythingElse(String hostile) {
        assertEquals(Optional.empty(), origins.match(hostile));
    }

    @Test
    void refusesAMissingOrigin() {
        assertEquals(Optional.empty(), origins.match(null));
    }

    @Test
    void nothingConfiguredAllowsNothing() {
        assertEquals(Optional.empty(), AppOrigins.of(List.of()).match("http://localhost:8090"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "*", "null", "https://mfa-app.example.com/", "https://*.example.com", "mfa-app.example.com",
            "https://mfa-app.example.com/app", "https://user:pw@mfa-app.example.com" })
    void refusesToStartOnAnEntryThatIsNotAnExactOrigin(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppOrigins.of(List.of(entry)));
        assertTrue(e.getMessage().contains("openfactor.cors.app-origins"), e.getMessage());
    }
}
