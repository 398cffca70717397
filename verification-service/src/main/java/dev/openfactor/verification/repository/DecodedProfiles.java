package dev.openfactor.verification.repository;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.openfactor.verification.domain.Profile;

/**
 * Profiles already decoded, each under the row version it was decoded from (the snapshot's
 * version and the time the projection stored it, which also tells a re-created user apart).
 * Every read still asks the row which version is current, so an entry is used only while it is
 * current and no invalidation is needed; only decoding is saved. Bounded: past the capacity an
 * arbitrary entry makes room.
 */
final class DecodedProfiles {

    /** What a read found in the cache; the query returns the snapshot only if this is not current. */
    record Decoded(long version, Instant storedAt, Profile profile) {
    }

    private final Map<String, Decoded> byUser = new ConcurrentHashMap<>();
    private final int capacity;

    DecodedProfiles(int capacity) {
        this.capacity = capacity;
    }

    /** The entry held for the user, or one that matches no row. */
    Decoded held(String tenantId, String userId) {
        Decoded d = byUser.get(key(tenantId, userId));
        return d != null ? d : new Decoded(-1, Instant.EPOCH, null);
    }

    void keep(String tenantId, String userId, Decoded decoded) {
        if (byUser.size() >= capacity) {
            Iterator<String> any = byUser.keySet().iterator();
            if (any.hasNext()) {
                byUser.remove(any.next());
            }
        }
        byUser.put(key(tenantId, userId), decoded);
    }

    void forget(String tenantId, String userId) {
        byUser.remove(key(tenantId, userId));
    }

    private static String key(String tenantId, String userId) {
        return tenantId + '\n' + userId;
    }
}
