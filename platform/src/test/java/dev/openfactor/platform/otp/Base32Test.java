package dev.openfactor.platform.otp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4648 section 10 test vectors, padding removed. */
class Base32Test {

    @ParameterizedTest
    @CsvSource({ "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI" })
    void encodesRfc4648Vectors(String input, String expected) {
        assertEquals(expected, Base32.encode(input.getBytes(US_ASCII)));
    }
}
