package dev.openfactor.platform.security;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Issues, revokes and checks API keys; the plaintext key exists only in the issuing response. */
@ApplicationScoped
public class ApiKeys {

    private static final byte[] DUMMY_HASH = ApiKeyFormat.hash("no such key");

    private final ApiKeyStore store;
    private final Clock clock;

    ApiKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new key: {@code apiKey} must be shown to the operator once and never again. */
    public record IssuedApiKey(String keyId, String apiKey, Instant createdAt, byte[] secretHash) {
        @Override
        public String toString() {
            return "IssuedApiKey[" + keyId + "]";
        }
    }

    /** What is stored of a key: enough to mirror it elsewhere, nothing that authenticates. */
    public record KeyState(String keyId, String tenantId, String label, byte[] secretHash, Instant createdAt,
            Instant revokedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KeyState> state(String keyId) {
        return store.find(keyId).map(r -> new KeyState(r.keyId(), r.tenantId(), r.label(), r.secretHash(), r.createdAt(),
                r.revokedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedApiKey issue(String tenantId, String label) {
        String keyId = ApiKeyFormat.newKeyId();
        String secret = ApiKeyFormat.newSecret();
        Instant now = clock.instant();
        byte[] hash = ApiKeyFormat.hash(secret);
        store.upsert(keyId, tenantId, label, hash, now, null);
        return new IssuedApiKey(keyId, ApiKeyFormat.format(keyId, secret), now, hash);
    }

    /** Stores a key issued elsewhere (a mirrored copy), or its revocation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mirror(String keyId, String tenantId, String label, byte[] secretHash, Instant createdAt, Instant revokedAt) {
        store.upsert(keyId, tenantId, label, secretHash, createdAt, revokedAt);
    }

    /** Revokes a key of {@code tenantId}; false if that tenant has no such active key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(String tenantId, String keyId) {
        return store.revoke(tenantId, keyId, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exists(String tenantId, String keyId) {
        return store.exists(tenantId, keyId);
    }

    /** The tenant of a valid, unrevoked key; empty for anything else, after the same work. */
    @Transactional
    public Optional<String> authenticate(String presented) {
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presented);
        Optional<ApiKeyStore.Row> row = parsed.flatMap(p -> store.find(p.keyId()));
        byte[] presentedHash = ApiKeyFormat.hash(parsed.map(ApiKeyFormat.Parsed::secret).orElse(""));
        byte[] expected = row.map(ApiKeyStore.Row::secretHash).orElse(DUMMY_HASH);
        boolean matches = MessageDigest.isEqual(presentedHash, expected);
        return row.filter(r -> matches && !r.revoked()).map(ApiKeyStore.Row::tenantId);
    }
}
