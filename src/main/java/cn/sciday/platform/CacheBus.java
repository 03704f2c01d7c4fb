package cn.sciday.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Invalidates caches on this instance and on every other one. {@link #evict} and {@link #clear} act locally at once
 * and send the same order to the other instances through Redis pub/sub when Redis is configured (a no-op on a single
 * machine). Caches declared by {@link CacheSpec} beans are also cleared, everywhere, after an event they name is
 * published and its transaction commits; for a cache that {@linkplain CacheSpec#broadcastAtMostEvery limits its
 * broadcasts}, the clearing elsewhere waits for its interval and covers every event until then. Keys travel as text: {@code String}, {@code Long} and {@code Integer} keys
 * are evicted one by one elsewhere; any other key clears the whole cache elsewhere.
 */
public class CacheBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CacheBus.class);
    private static final char SEP = '\t';

    private final CacheManager caches;
    private final List<CacheSpec> specs;
    private final CacheBroadcast broadcast;
    private final String instanceId;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Later later;
    /** Caches whose clearing elsewhere is scheduled and not yet sent. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /** Runs a task after a delay: on a daemon thread of the bus, or by hand in a test. */
    interface Later extends AutoCloseable {

        void schedule(Duration delay, Runnable task);

        @Override
        default void close() {
        }
    }

    CacheBus(CacheManager caches, List<CacheSpec> specs, CacheBroadcast broadcast, String instanceId) {
        this(caches, specs, broadcast, instanceId, new DaemonLater());
    }

    CacheBus(CacheManager caches, List<CacheSpec> specs, CacheBroadcast broadcast, String instanceId, Later later) {
        this.caches = caches;
        this.specs = List.copyOf(specs);
        this.broadcast = broadcast;
        this.instanceId = instanceId;
        this.later = later;
    }

    /**
     * Runs {@code listener} on this instance just before the named cache loses entries here, whoever ordered it
     * (this instance or another one): a cache whose entries are computed outside {@link Cache#get(Object,
     * java.util.concurrent.Callable)} uses it to tell that an entry it is computing may already be out of date.
     */
    public void onEviction(String cacheName, Runnable listener) {
        listeners.computeIfAbsent(cacheName, n -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Removes one entry here and on the other instances. */
    public void evict(String cacheName, Object key) {
        notifyListeners(cacheName);
        Cache cache = caches.getCache(cacheName);
        if (cache != null) {
            cache.evict(key);
        }
        String encoded = encode(key);
        broadcast.publish(encoded == null ? message("clear", cacheName, "") : message("evict", cacheName, encoded));
    }

    /** Empties a cache here and on the other instances. */
    public void clear(String cacheName) {
        clearLocally(cacheName);
        broadcast.publish(message("clear", cacheName, ""));
    }

    /** The name this instance uses in its messages. */
    public String instanceId() {
        return instanceId;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(Object event) {
        for (CacheSpec spec : specs) {
            if (!spec.clearedBy(event)) {
                continue;
            }
            if (spec.broadcastEvery().isZero()) {
                clear(spec.name());
            } else {
                clearHereAndSoonElsewhere(spec);
            }
        }
    }

    /** Sends what is scheduled at once (the app is stopping). */
    @Override
    public void close() {
        later.close();
    }

    private void clearHereAndSoonElsewhere(CacheSpec spec) {
        clearLocally(spec.name());
        if (broadcast != CacheBroadcast.NONE && pending.add(spec.name())) {
            later.schedule(spec.broadcastEvery(), () -> {
                // removed before sending: an event after this line schedules the next message, none is lost
                pending.remove(spec.name());
                broadcast.publish(message("clear", spec.name(), ""));
            });
        }
    }

    /** Applies a message from the broadcast; messages this instance sent are ignored. */
    void receive(String message) {
        String[] parts = message.split(String.valueOf(SEP), 4);
        if (parts.length != 4) {
            log.warn("Ignoring a malformed cache message: {}", message);
            return;
        }
        if (parts[0].equals(instanceId)) {
            return;
        }
        switch (parts[1]) {
            case "clear" -> clearLocally(parts[2]);
            case "evict" -> {
                notifyListeners(parts[2]);
                Cache cache = caches.getCache(parts[2]);
                Object key = decode(parts[3]);
                if (cache != null && key != null) {
                    cache.evict(key);
                }
            }
            default -> log.warn("Ignoring a cache message with an unknown order: {}", message);
        }
    }

    private void clearLocally(String cacheName) {
        notifyListeners(cacheName);
        Cache cache = caches.getCache(cacheName);
        if (cache != null) {
            cache.clear();
        }
    }

    private void notifyListeners(String cacheName) {
        listeners.getOrDefault(cacheName, List.of()).forEach(Runnable::run);
    }

    private String message(String order, String cacheName, String key) {
        return instanceId + SEP + order + SEP + cacheName + SEP + key;
    }

    static String encode(Object key) {
        if (key instanceof String s && s.indexOf(SEP) < 0) {
            return "s:" + s;
        }
        if (key instanceof Long l) {
            return "l:" + l;
        }
        if (key instanceof Integer i) {
            return "i:" + i;
        }
        return null;
    }

    static Object decode(String encoded) {
        try {
            return switch (encoded.length() < 2 ? "" : encoded.substring(0, 2)) {
                case "s:" -> encoded.substring(2);
                case "l:" -> Long.valueOf(encoded.substring(2));
                case "i:" -> Integer.valueOf(encoded.substring(2));
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One daemon thread, started at the first scheduled message; what is pending at close is sent at once. */
    private static final class DaemonLater implements Later {

        private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
        private ScheduledExecutorService executor;
        private boolean closed;

        @Override
        public synchronized void schedule(Duration delay, Runnable task) {
            if (closed) {
                task.run();
                return;
            }
            if (executor == null) {
                executor = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "cache-bus-later");
                    t.setDaemon(true);
                    return t;
                });
            }
            Runnable once = new Runnable() {
                @Override
                public void run() {
                    if (waiting.remove(this)) {
                        task.run();
                    }
                }
            };
            waiting.add(once);
            executor.schedule(once, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (executor != null) {
                executor.shutdownNow();
            }
            List.copyOf(waiting).forEach(Runnable::run);
        }
    }
}
