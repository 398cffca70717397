package dev.openfactor.platform.longpoll;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** The watches of this process, by key. */
@ApplicationScoped
class Waiters {

    private final ConcurrentHashMap<String, Set<Watch>> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    Watch register(String key) {
        Watch watch = new Watch(key, this);
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(watch);
        count.incrementAndGet();
        return watch;
    }

    void remove(Watch watch) {
        byKey.computeIfPresent(watch.key(), (k, set) -> {
            if (set.remove(watch)) {
                count.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    void fire(String key) {
        Set<Watch> set = byKey.get(key);
        if (set != null) {
            set.forEach(Watch::fire);
        }
    }

    /** After the listener lost its connection, notifications may have been missed: everyone re-reads. */
    void fireAll() {
        byKey.values().forEach(set -> set.forEach(Watch::fire));
    }

    int size() {
        return count.get();
    }
}
