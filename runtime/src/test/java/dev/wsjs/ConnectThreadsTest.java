package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.server.EchoHandler;
import dev.wsjs.server.LocalWebSocketServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Connecting leaves no platform threads behind. OkHttp dials each connection on its shared task
 * runner (fast fallback races the addresses of a host), whose executor kept one platform thread per
 * concurrent connect alive for 60 s after the connections had closed.
 */
class ConnectThreadsTest {

    private static final int CONNECTIONS = 24;

    /**
     * Platform threads that can be per-connection. Left out: the JIT's compiler threads and the
     * virtual-thread scheduler's carriers (at most one per core), which come and go on their own.
     */
    private static List<Thread> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().contains("Compiler") && !t.getName().startsWith("ForkJoinPool"))
                .toList();
    }

    private static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }

    @Test
    void openingAndClosingManyWebSocketsLeavesThePlatformThreadCountWhereItWas() throws Exception {
        // OkHttp task threads that other tests of this JVM started before any runtime existed live on
        // for their idle minute; only threads started from here on count.
        Set<Thread> earlier = Set.copyOf(platformThreads());
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().route("/echo", new EchoHandler()).start()) {
            // "localhost" may resolve to ::1 and 127.0.0.1: fast fallback races both.
            String url = "ws://localhost:" + server.port() + "/echo";
            WsjsRuntime rt = WsjsRuntime.builder().location("http://127.0.0.1/").build();
            try {
                rt.eval("""
                        globalThis.cycle = (url, n) => {
                          globalThis.opened = 0; globalThis.closed = 0; globalThis.failed = 0;
                          globalThis.sockets = [];
                          for (let i = 0; i < n; i++) {
                            const ws = new WebSocket(url);
                            ws.onopen = () => opened++;
                            ws.onerror = () => failed++;
                            ws.onclose = () => closed++;
                            sockets.push(ws);
                          }
                        };
                        globalThis.closeAll = () => sockets.forEach((ws) => ws.close());
                        """);
                // Warm-up: what a JVM starts once (Okio's timeout watchdog, the first TLS/JIT threads).
                cycle(rt, url, 1);
                List<Thread> baseline = platformThreads();

                rt.eval("cycle").execute(url, CONNECTIONS);
                assertTrue(rt.runUntil(() -> rt.eval("opened + failed").asInt() == CONNECTIONS, Duration.ofSeconds(30)));
                assertEquals(0, rt.eval("failed").asInt(), "every connection opened");
                List<Thread> whileOpen = platformThreads();
                rt.eval("closeAll()");
                assertTrue(rt.runUntil(() -> rt.eval("closed").asInt() == CONNECTIONS, Duration.ofSeconds(30)));

                assertTrue(ThreadCensus.eventually(5, () -> platformThreads().size() <= baseline.size()),
                        "platform threads before: " + names(baseline) + "\nwhile " + CONNECTIONS + " were open: "
                                + names(whileOpen) + "\n5 s after they closed: " + names(platformThreads()));
                assertTrue(whileOpen.size() < baseline.size() + CONNECTIONS / 2,
                        "no platform thread per connection, even while connecting: " + names(whileOpen));
                for (List<Thread> sample : List.of(baseline, whileOpen, platformThreads())) {
                    // Okio's single timeout watchdog is one per JVM, not per connection: it may stay.
                    assertEquals(List.of(), names(sample.stream()
                                    .filter(t -> t.getName().startsWith("OkHttp") && !earlier.contains(t)).toList()),
                            "OkHttp's dialing and pool cleanup run on virtual threads");
                }
            } finally {
                rt.close();
            }
        }
    }

    private static void cycle(WsjsRuntime rt, String url, int n) {
        rt.eval("cycle").execute(url, n);
        assertTrue(rt.runUntil(() -> rt.eval("opened + failed").asInt() == n, Duration.ofSeconds(30)));
        rt.eval("closeAll()");
        assertTrue(rt.runUntil(() -> rt.eval("closed").asInt() == n, Duration.ofSeconds(30)));
    }
}
