package dev.openfactor.platform.otp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtpVectorsTest {

    private static final byte[] SEED20 = "12345678901234567890".getBytes(US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(US_ASCII);
    private static final byte[] SEED64 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(US_ASCII);

    /** RFC 4226 Appendix D. */
    @ParameterizedTest
    @CsvSource({ "0,755224", "1,287082", "2,359152", "3,969429", "4,338314",
            "5,254676", "6,287922", "7,162583", "8,399871", "9,520489" })
    void hotpMatchesRfc4226(long counter, String expected) {
        assertEquals(expected, Hotp.generate(SEED20, counter, 6, OtpAlgorithm.SHA1));
    }

    /** RFC 6238 Appendix B (8 digits, 30 s), at the fixed instants of the table. */
    @ParameterizedTest
    @CsvSource({
            "59,94287082,SHA1", "59,46119246,SHA256", "59,90693936,SHA512",
            "1111111109,07081804,SHA1", "1111111109,68084774,SHA256", "1111111109,25091201,SHA512",
            "1111111111,14050471,SHA1", "1111111111,67062674,SHA256", "1111111111,99943326,SHA512",
            "1234567890,89005924,SHA1", "1234567890,91819424,SHA256", "1234567890,93441116,SHA512",
            "2000000000,69279037,SHA1", "2000000000,90698825,SHA256", "2000000000,38618901,SHA512",
            "20000000000,65353130,SHA1", "20000000000,77737706,SHA256", "20000000000,47863826,SHA512" })
    void totpMatchesRfc6238(long epochSeconds, String expected, OtpAlgorithm algorithm) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED20;
            case SHA256 -> SEED32;
            case SHA512 -> SEED64;
        };
        assertEquals(expected, new Totp(algorithm, 8, 30).codeAt(seed, Instant.ofEpochSecond(epochSeconds)));
    }

    @Test
    void windowAcceptsOneStepEachWayAndNoMore() {
        Totp totp = new Totp(OtpAlgorithm.SHA1, 8, 30);
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = totp.step(now);
        String previous = Hotp.generate(SEED20, step - 1, 8, OtpAlgorithm.SHA1);
        String next = Hotp.generate(SEED20, step + 1, 8, OtpAlgorithm.SHA1);
        String twoBack = Hotp.generate(SEED20, step - 2, 8, OtpAlgorithm.SHA1);

        assertEquals(OptionalLong.of(step - 1), totp.matchingStep(SEED20, previous, now, 1));
        assertEquals(OptionalLong.of(step + 1), totp.matchingStep(SEED20, next, now, 1));
        assertEquals(OptionalLong.empty(), totp.matchingStep(SEED20, twoBack, now, 1));
        assertEquals(OptionalLong.of(step), totp.matchingStep(SEED20, "07081804", now, 0));
    }

    @Test
    void comparisonRejectsOtherLengthsAndNull() {
        assertTrue(Hotp.matches("123456", "123456"));
        assertFalse(Hotp.matches("123456", "1234567"));
        assertFalse(Hotp.matches("123456", null));
    }
}
