package dev.openfactor.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Signed app requests spoiled one header at a time (missing, empty, malformed, oversized,
 * control characters, other scripts' digits, non-DER signatures, another device), and the
 * assertion API.md makes of all of them: the very same 401 as a plain wrong signature. (Spaces
 * around a header value are not part of it in HTTP, so they are not a variant.)
 */
public final class HostileDeviceRequests {

    /** The three headers of one spoiled request; null means the header is left out. */
    public record Headers(String why, String deviceId, String timestamp, String signature) {
        public RequestSpecification spec() {
            RequestSpecification spec = given().contentType(ContentType.JSON);
            if (deviceId != null) {
                spec.header("X-OpenFactor-Device", deviceId);
            }
            if (timestamp != null) {
                spec.header("X-OpenFactor-Timestamp", timestamp);
            }
            if (signature != null) {
                spec.header("X-OpenFactor-Signature", signature);
            }
            return spec;
        }

        @Override
        public String toString() {
            return why;
        }
    }

    private HostileDeviceRequests() {
    }

    /** Spoiled variants of a request {@code device} signs correctly for {@code method path body}. */
    public static List<Headers> around(TestDevice device, String method, String path, String body) {
        String id = device.deviceId();
        String ts = Long.toString(Instant.now().getEpochSecond());
        String good = device.sign(method + "\n" + path + "\n" + ts + "\n" + TestDevice.sha256Hex(body));
        List<Headers> all = new ArrayList<>();
        for (String t : List.of("", "abc", "-1", "+" + ts, ts.substring(0, 3) + " " + ts.substring(3), "1e9", "0x10", "99999999999999999999999",
                toArabicDigits(ts), ts + "\u0000", "\u0000", "\u0001" + ts, "x".repeat(5000), ts + "." + "5", "0")) {
            all.add(new Headers("timestamp [" + printable(t) + "]", id, t, good));
        }
        for (String d : List.of("", UUID.randomUUID().toString(), id.toUpperCase(), id.substring(0, 4) + " " + id.substring(4), id + "\u0000", "\u0000",
                "../" + id, id + "é", "x".repeat(5000), id + "\u007f")) {
            all.add(new Headers("device [" + printable(d) + "]", d, ts, good));
        }
        byte[] notDer = new byte[72];
        notDer[0] = 0x31;
        for (String s : List.of("", "not base64 !!", "bm90IGEgc2lnbmF0dXJl", Base64.getEncoder().encodeToString(notDer),
                "MAYCAQACAQA=", "A".repeat(10_000), good + "\u0000", good.substring(0, good.length() / 2),
                urlSafeTwin(good), Base64.getEncoder().encodeToString("é".repeat(40).getBytes(StandardCharsets.UTF_8)),
                device.sign("GET\n/other\n" + ts + "\n" + TestDevice.sha256Hex("")))) {
            all.add(new Headers("signature [" + printable(s) + "]", id, ts, s));
        }
        all.add(new Headers("no device header", null, ts, good));
        all.add(new Headers("no timestamp header", id, null, good));
        all.add(new Headers("no signature header", id, ts, null));
        all.add(new Headers("no headers at all", null, null, null));
        return all;
    }

    /** The reference refusal: well-formed headers with a signature that does not verify. */
    public static Headers wrongSignature(TestDevice device) {
        return new Headers("wrong signature", device.deviceId(), Long.toString(Instant.now().getEpochSecond()),
                "bm90IGEgc2lnbmF0dXJl");
    }

    /** Status, content type, body and authentication header all equal to the reference refusal. */
    public static void assertSameRefusal(Response reference, Response actual, String why) {
        assertEquals(401, reference.statusCode(), "the reference must be a 401");
        assertEquals(reference.statusCode(), actual.statusCode(), why);
        assertEquals(reference.contentType(), actual.contentType(), why);
        assertEquals(reference.asString(), actual.asString(), why);
        assertEquals(reference.header("WWW-Authenticate"), actual.header("WWW-Authenticate"), why);
    }

    /** The signature in the base64url alphabet, which API.md does not allow; forced to differ. */
    private static String urlSafeTwin(String signature) {
        String twin = signature.replace('+', '-').replace('/', '_');
        return twin.equals(signature) ? "-_" + twin.substring(2) : twin;
    }

    private static String toArabicDigits(String digits) {
        StringBuilder s = new StringBuilder();
        digits.chars().forEach(c -> s.append((char) ('\u0660' + (c - '0'))));
        return s.toString();
    }

    private static String printable(String s) {
        String shown = s.length() > 40 ? s.substring(0, 20) + "...(" + s.length() + ")" : s;
        return shown.replace("\u0000", "\\0").replace("\u0001", "\\1").replace("\u007f", "\\x7f");
    }
}
