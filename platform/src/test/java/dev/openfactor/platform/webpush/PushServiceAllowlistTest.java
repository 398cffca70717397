package dev.openfactor.platform.webpush;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The request-forgery guard: the endpoint is a URL the device chose, so it is attacked with every trick. */
class PushServiceAllowlistTest {

    /** The default of openfactor.webpush.allowed-hosts. */
    static final List<String> VENDORS = List.of("fcm.googleapis.com", "updates.push.services.mozilla.com", "*.push.apple.com",
            "*.notify.windows.com", "*.wns.windows.com");

    private final PushServiceAllowlist strict = PushServiceAllowlist.of(VENDORS, false);
    private final PushServiceAllowlist withLoopback = PushServiceAllowlist.of(VENDORS, true);

    @ParameterizedTest
    @ValueSource(strings = {
        "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH",
        "https://FCM.GoogleAPIs.com/fcm/send/abc",
        "https://fcm.googleapis.com:443/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABh",
        "https://web.push.apple.com/QGcE9mmsSM0kOTBbYkEcsgU",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB",
        "https://db5p.wns.windows.com/w/?token=abc",
        "https://a.b.push.apple.com/x",
    })
    void admitsTheBrowserVendorsPushServices(String endpoint) {
        assertTrue(strict.permits(uri(endpoint)), endpoint);
        assertTrue(withLoopback.permits(uri(endpoint)), endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://fcm.googleapis.com.evil.example/",
        "https://evil.example/?fcm.googleapis.com",
        "https://evil.example/fcm.googleapis.com",
        "https://evil.example#@fcm.googleapis.com",
        "https://user@fcm.googleapis.com/",
        "https://user:pass@fcm.googleapis.com/",
        "https://fcm.googleapis.com@evil.example/",
        "https://fcm.googleapis.com%2F@evil.example/",
        "http://fcm.googleapis.com/fcm/send/abc",
        "ftp://fcm.googleapis.com/",
        "wss://fcm.googleapis.com/",
        "HTTPS://fcm.googleapis.com/",
        "https://10.0.0.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00::1]/",
        "https://[::ffff:127.0.0.1]/",
        "https://2130706433/",
        "https://0x7f000001/",
        "https://fcm.googleapis.com:8443/",
        "https://fcm.googleapis.com:80/",
        "https://fcm.googleapis.com./",
        "https://fcm.googleapis.com/#fragment",
        "https://push.apple.com/",
        "https://evilpush.apple.com/",
        "https://push.apple.com.evil.example/",
        "https://notify.windows.com.evil.example/",
        "https://fcm%2Egoogleapis.com/",
        "https://fcm.googleapis%2Ecom/",
        "https://%66cm.googleapis.com/",
        "https://xn--fcm-googleapis-com.example/",
        "https://fcm.googleapis.com\u0000.evil.example/",
        "https:fcm.googleapis.com",
        "https:///fcm.googleapis.com/",
        "//fcm.googleapis.com/",
        "/fcm/send/abc",
        "https://127.0.0.1/",
        "http://127.0.0.1:8080/push",
        "http://localhost:8080/push",
        "https://localhost/",
        "http://[::1]:9000/",
    })
    void refusesHostileEndpointsWithoutLoopback(String endpoint) {
        assertFalse(strict.permits(parsed(endpoint)), endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://fcm.googleapis.com.evil.example/",
        "https://evil.example/?fcm.googleapis.com",
        "https://user@fcm.googleapis.com/",
        "http://fcm.googleapis.com/",
        "https://10.0.0.1/",
        "https://fcm.googleapis.com:8443/",
        "http://user@127.0.0.1:8080/",
        "http://127.0.0.1.evil.example/",
        "http://localhost.evil.example/",
        "http://127.0.0.2:8080/",
        "http://0.0.0.0:8080/",
        "http://[0:0:0:0:0:0:0:1]:8080/",
        "http://[::ffff:127.0.0.1]:8080/",
        "http://127.1:8080/",
        "ftp://127.0.0.1/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://127.0.0.1:8080/#x",
    })
    void refusesHostileEndpointsWithLoopback(String endpoint) {
        assertFalse(withLoopback.permits(parsed(endpoint)), endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "file:///etc/passwd",
        "file://fcm.googleapis.com/etc/passwd",
        "javascript:alert(1)",
        "data:text/plain,fcm.googleapis.com",
        "mailto:x@fcm.googleapis.com",
        "jar:https://fcm.googleapis.com/x.jar!/",
    })
    void refusesOtherSchemes(String endpoint) {
        assertFalse(strict.permits(parsed(endpoint)), endpoint);
        assertFalse(withLoopback.permits(parsed(endpoint)), endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/push/1", "https://127.0.0.1:8443/", "http://[::1]:9000/p",
        "http://localhost:1/p", "http://LOCALHOST:1/p"})
    void loopbackOnAnyPortOnlyWhenAllowed(String endpoint) {
        assertTrue(withLoopback.permits(uri(endpoint)), endpoint);
        assertFalse(strict.permits(uri(endpoint)), endpoint);
    }

    @Test
    void refusesNonAsciiLookAlikeHosts() {
        // Cyrillic 'о' in "googleapis.cоm": java.net.URI keeps it and has no server-based host, so nothing matches.
        assertFalse(strict.permits(parsed("https://fcm.googleapis.c\u043em/")));
        assertFalse(strict.permits(parsed("https://fcm.googleapis.com\uff0eevil.example/")));
    }

    @Test
    void anEmptyListAdmitsNothingButLoopbackWhenAllowed() {
        assertFalse(PushServiceAllowlist.of(List.of(), false).permits(uri("https://fcm.googleapis.com/x")));
        assertTrue(PushServiceAllowlist.of(List.of(), true).permits(uri("http://127.0.0.1:1/x")));
    }

    @Test
    void refusesAMalformedAllowlistEntryAtStart() {
        assertThrows(IllegalArgumentException.class, () -> PushServiceAllowlist.of(List.of("*"), false));
        assertThrows(IllegalArgumentException.class, () -> PushServiceAllowlist.of(List.of("https://fcm.googleapis.com"), false));
        assertThrows(IllegalArgumentException.class, () -> PushServiceAllowlist.of(List.of("*.*.example"), false));
    }

    @Test
    void nullIsRefused() {
        assertFalse(withLoopback.permits(null));
    }

    private static URI uri(String s) {
        return URI.create(s);
    }

    /** What cannot even be parsed is refused upstream; here a parse failure stands for "not permitted". */
    private static URI parsed(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
