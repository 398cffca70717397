package dev.openfactor.prompt.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Authorization codes: 256 random bits, only their SHA-256 stored, redeemed once before they expire. */
@ApplicationScoped
public class CodeStore {

    private final Db db;
    private final SecureRandom random = new SecureRandom();

    CodeStore(Db db) {
        this.db = db;
    }

    public String issue(String promptId, Instant expiresAt) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        db.update("INSERT INTO authorization_code (code_hash, prompt_id, expires_at) VALUES (?, ?, ?)", hash(code), promptId, expiresAt);
        return code;
    }

    /** The prompt the code was issued for, if the code exists, is unexpired and was never redeemed. */
    public Optional<String> redeem(String code) {
        if (code == null || code.length() > 100) {
            return Optional.empty();
        }
        return db.one("""
                UPDATE authorization_code SET used_at = now()
                WHERE code_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING prompt_id
                """, row -> row.getString(1), hash(code));
    }

    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
