package dev.openfactor.platform.security;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.openfactor.platform.tx.AfterCommit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Issues, revokes and checks API keys; the plaintext key exists only in the issuing response.
 *
 * <p>Every API call presents a key, so a key read from the database is remembered for
 * {@code openfactor.security.api-key-cache} (default 5 s): a transaction and a query fewer per
 * request. A revocation or mirrored change is seen at once by the replica that applies it and
 * within that time by every other replica. Only keys that exist are remembered, so random key
 * ids cannot fill the memory.
 */
@ApplicationScoped
public class ApiKeys {

    private static final byte[] DUMMY_HASH = ApiKeyFormat.hash("no such key");
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(ApiKeyStore.Row row, long readAtNanos) {
    }

    private final ApiKeyStore store;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final long rememberNanos;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyStore store, Clock clock, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "openfactor.security.api-key-cache", defaultValue = "5s") Duration remember) {
        this.store = store;
        this.clock = clock;
        this.transactions = transactions;
        this.rememberNanos = remember.toNanos();
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
        forgetNowAndAfterCommit(keyId);
    }

    /** Revokes a key of {@code tenantId}; false if that tenant has no such active key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(String tenantId, String keyId) {
        boolean revoked = store.revoke(tenantId, keyId, clock.instant());
        forgetNowAndAfterCommit(keyId);
        return revoked;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exists(String tenantId, String keyId) {
        return store.exists(tenantId, keyId);
    }

    /** The tenant of a valid, unrevoked key; empty for anything else, after the same work. */
    public Optional<String> authenticate(String presented) {
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presented);
        Optional<ApiKeyStore.Row> row = parsed.flatMap(p -> row(p.keyId()));
        byte[] presentedHash = ApiKeyFormat.hash(parsed.map(ApiKeyFormat.Parsed::secret).orElse(""));
        byte[] expected = row.map(ApiKeyStore.Row::secretHash).orElse(DUMMY_HASH);
        boolean matches = MessageDigest.isEqual(presentedHash, expected);
        return row.filter(r -> matches && !r.revoked()).map(ApiKeyStore.Row::tenantId);
    }

    private Optional<ApiKeyStore.Row> row(String keyId) {
        long now = System.nanoTime();
        Remembered r = remembered.get(keyId);
        if (r != null && now - r.readAtNanos() < rememberNanos) {
            return Optional.of(r.row());
        }
        Optional<ApiKeyStore.Row> read = QuarkusTransaction.joiningExisting().call(() -> store.find(keyId));
        if (read.isPresent() && rememberNanos > 0) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(keyId, new Remembered(read.get(), now));
        }
        return read;
    }

    /**
     * Forgotten at once and again when the change commits: a request between the two could
     * otherwise remember the row as it was before this transaction.
     */
    private void forgetNowAndAfterCommit(String keyId) {
        remembered.remove(keyId);
        AfterCommit.run(transactions, () -> remembered.remove(keyId));
    }
}
