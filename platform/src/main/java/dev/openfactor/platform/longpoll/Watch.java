package dev.openfactor.platform.longpoll;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.smallrye.mutiny.Uni;

/** One request's interest in one key; completes when a signal for the key arrives. */
public final class Watch implements AutoCloseable {

    private final String key;
    private final Waiters owner;
    private final CompletableFuture<Boolean> fired = new CompletableFuture<>();

    Watch(String key, Waiters owner) {
        this.key = key;
        this.owner = owner;
    }

    String key() {
        return key;
    }

    void fire() {
        fired.complete(Boolean.TRUE);
    }

    /**
     * Emits {@code true} once the key changes, or {@code false} after {@code max}; the watch
     * is closed either way.
     */
    public Uni<Boolean> changedWithin(Duration max) {
        return Uni.createFrom().completionStage(fired)
                .ifNoItem().after(max).recoverWithItem(Boolean.FALSE)
                .eventually(this::close);
    }

    @Override
    public void close() {
        owner.remove(this);
    }
}
