package dev.openfactor.platform.otp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RecoveryCodeHashesTest {

    /** Few iterations where the test is about matching, not cost; the count travels with the set. */
    private static final int QUICK = 1_000;

    /** RFC 7914 §11, PBKDF2-HMAC-SHA256: P = "passwd", S = "salt", c = 1, dkLen = 64. */
    @Test
    void pbkdf2MatchesRfc7914FirstVector() {
        byte[] expected = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertArrayEquals(expected, Pbkdf2.sha256("passwd".toCharArray(), "salt".getBytes(US_ASCII), 1, 64));
    }

    /** RFC 7914 §11, PBKDF2-HMAC-SHA256: P = "Password", S = "NaCl", c = 80000, dkLen = 64. */
    @Test
    void pbkdf2MatchesRfc7914SecondVector() {
        byte[] expected = HexFormat.of().parseHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
        assertArrayEquals(expected, Pbkdf2.sha256("Password".toCharArray(), "NaCl".getBytes(US_ASCII), 80_000, 64));
    }

    @Test
    void normalisationDropsSeparatorsAndSpacesAndUpperCases() {
        assertEquals("K7QMD4XH2P", RecoveryCodeHashes.normalize(" k7qmd-4xh2p "));
        assertEquals("K7QMD4XH2P", RecoveryCodeHashes.normalize("K7QMD 4XH2P"));
        assertEquals("K7QMD4XH2P", RecoveryCodeHashes.normalize("K7QMD4XH2P"));
    }

    @Test
    void newSetsStoreTheKdfAndItsOwaspIterationCount() {
        RecoveryCodeHashes set = RecoveryCodeHashes.of(List.of("K7QMD-4XH2P"));

        assertEquals("pbkdf2-sha256", set.kdf());
        assertEquals(600_000, set.iterations());
        assertEquals(16, Base64.getDecoder().decode(set.salt()).length);
        assertFalse(set.legacy());
    }

    @Test
    void eachHashIsPbkdf2OfTheNormalisedCodeUnderTheSetSalt() {
        RecoveryCodeHashes set = RecoveryCodeHashes.of(List.of("k7qmd-4xh2p", "ABCDE-FGHJK"), QUICK);

        byte[] salt = Base64.getDecoder().decode(set.salt());
        assertEquals(Base64.getEncoder().encodeToString(Pbkdf2.sha256("K7QMD4XH2P".toCharArray(), salt, QUICK, 32)),
                set.hashes().get(0));
        assertEquals(Base64.getEncoder().encodeToString(Pbkdf2.sha256("ABCDEFGHJK".toCharArray(), salt, QUICK, 32)),
                set.hashes().get(1));
    }

    @Test
    void matchesEveryCodeOfTheSetAsTypedAndNothingElse() {
        RecoveryCodeHashes set = RecoveryCodeHashes.of(List.of("K7QMD-4XH2P", "ABCDE-FGHJK"), QUICK);

        assertEquals(Optional.of(set.hashes().get(0)), set.match("k7qmd 4xh2p"));
        assertEquals(Optional.of(set.hashes().get(1)), set.match("ABCDEFGHJK"));
        assertEquals(Optional.empty(), set.match("ABCDE-FGHJL"));
        assertEquals(Optional.empty(), set.match(""));
        assertEquals(Optional.empty(), set.match(null));
    }

    @Test
    void aStoredSetIsReadBackWithItsOwnParameters() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(RecoveryCodeHashes.of(List.of("K7QMD-4XH2P"), QUICK));

        RecoveryCodeHashes read = mapper.readValue(json, RecoveryCodeHashes.class);

        assertTrue(json.contains("\"kdf\":\"pbkdf2-sha256\"") && json.contains("\"iterations\":1000"), json);
        assertTrue(read.match("K7QMD-4XH2P").isPresent());
    }

    @Test
    void legacySha256SetsAreStillRead() throws Exception {
        byte[] salt = new byte[16];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        String hash = Base64.getEncoder().encodeToString(sha.digest("K7QMD4XH2P".getBytes(US_ASCII)));
        RecoveryCodeHashes legacy = new ObjectMapper().readValue(
                "{\"salt\":\"" + Base64.getEncoder().encodeToString(salt) + "\",\"hashes\":[\"" + hash + "\"]}",
                RecoveryCodeHashes.class);

        assertTrue(legacy.legacy());
        assertEquals(Optional.of(hash), legacy.match("k7qmd-4xh2p"));
        assertEquals(Optional.empty(), legacy.match("ABCDE-FGHJK"));
    }

    @Test
    void unknownKdfsAndUnboundedIterationCountsMatchNothing() {
        RecoveryCodeHashes set = RecoveryCodeHashes.of(List.of("K7QMD-4XH2P"), QUICK);

        assertEquals(Optional.empty(), new RecoveryCodeHashes("argon2id", QUICK, set.salt(), set.hashes()).match("K7QMD-4XH2P"));
        assertEquals(Optional.empty(), new RecoveryCodeHashes("pbkdf2-sha256", null, set.salt(), set.hashes()).match("K7QMD-4XH2P"));
        assertEquals(Optional.empty(),
                new RecoveryCodeHashes("pbkdf2-sha256", 100_000_000, set.salt(), set.hashes()).match("K7QMD-4XH2P"));
    }

    @Test
    void toStringNamesTheParametersButNoHash() {
        RecoveryCodeHashes set = RecoveryCodeHashes.of(List.of("K7QMD-4XH2P"), QUICK);

        assertEquals("RecoveryCodeHashes[pbkdf2-sha256, i=1000, 1 codes]", set.toString());
    }
}
