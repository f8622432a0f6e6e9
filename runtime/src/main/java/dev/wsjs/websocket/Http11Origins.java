package dev.wsjs.websocket;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code wss:} origins (host:port) that answered without WebSockets over HTTP/2, shared by every
 * client in the process: each runtime has its own client, and without a shared memory every new
 * runtime would pay one extra TCP + TLS handshake per HTTP/1.1-only origin. An entry expires after
 * {@link #TTL_NANOS}, so a server that gains HTTP/2 support is tried again.
 */
final class Http11Origins {

    private static final long TTL_NANOS = 10L * 60 * 1_000_000_000;
    private static final int MAX_ENTRIES = 4096;
    private static final ConcurrentHashMap<String, Long> EXPIRY = new ConcurrentHashMap<>();

    private Http11Origins() {}

    static boolean contains(String origin) {
        Long expiry = EXPIRY.get(origin);
        if (expiry == null) {
            return false;
        }
        if (System.nanoTime() - expiry > 0) {
            EXPIRY.remove(origin, expiry);
            return false;
        }
        return true;
    }

    static void add(String origin) {
        long now = System.nanoTime();
        if (EXPIRY.size() >= MAX_ENTRIES) {
            EXPIRY.values().removeIf(expiry -> now - expiry > 0);
            if (EXPIRY.size() >= MAX_ENTRIES) {
                EXPIRY.clear(); // many origins: forgetting costs one extra handshake each, never correctness
            }
        }
        EXPIRY.put(origin, now + TTL_NANOS);
    }
}
