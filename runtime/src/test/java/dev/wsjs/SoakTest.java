package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.server.LocalWebSocketServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * The short version of bench/soak (same script, smaller numbers): connect/send/receive/close
 * cycles and concurrent connections exchanging sequence-numbered messages against the embedded
 * echo server. Asserts zero lost, duplicated or reordered messages and that the runtime's
 * threads (its loop thread and every WebSocket thread, virtual ones included) are gone after
 * close; prints thread and heap figures along the way.
 */
class SoakTest {

    private static final Path SCRIPT = Path.of("..", "bench", "soak", "soak.js");

    @Test
    void cyclesAndConcurrentConnectionsLoseNothingAndLeaveNoThreads() throws Exception {
        assertTrue(Files.isRegularFile(SCRIPT), "run from the runtime module: " + SCRIPT.toAbsolutePath());
        warmUp(); // the engine, the JIT, virtual-thread carriers and OkHttp's shared threads start here
        ThreadCensus.eventually(30, () -> ThreadCensus.runtimeThreads() == 0); // earlier tests' closings
        long runtimeThreadsBefore = ThreadCensus.runtimeThreads();
        int platformBefore = ThreadCensus.platformThreads();
        long heapBefore = usedHeapAfterGc();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().name("soak-sampler").start(() -> {
            while (running.get()) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf("wsjs soak: runtime threads %d, platform threads %d, heap used %.1f MiB%n",
                        ThreadCensus.runtimeThreads(), ThreadCensus.platformThreads(),
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            }
        });

        Map<?, ?> result;
        long runtimeThreadsDuring;
        try (LocalWebSocketServer server = LocalWebSocketServer.start()) {
            WsjsRuntime rt = WsjsRuntime.builder()
                    .location("http://127.0.0.1:" + server.port() + "/")
                    .console((level, text) -> System.out.println("wsjs " + text))
                    .args(List.of("seconds=40", "cycles=100", "concurrency=4", "connections=12", "messages=150",
                            "window=32", "report=5", "exit=false"))
                    .start();
            try {
                Source script = Source.newBuilder("js", SCRIPT.toFile()).build();
                rt.submit(ctx -> ctx.eval(script)).get(60, TimeUnit.SECONDS);
                result = (Map<?, ?>) rt.evalAsync("soakResult").get(120, TimeUnit.SECONDS);
                runtimeThreadsDuring = ThreadCensus.runtimeThreads();
            } finally {
                rt.close();
            }
        } finally {
            running.set(false);
            sampler.interrupt();
        }

        assertEquals(100, result.get("cycles"), result.toString());
        assertEquals(0, result.get("cycleFailures"), result.toString());
        assertEquals(12, result.get("connections"), result.toString());
        assertEquals(0, result.get("connectionFailures"), result.toString());
        assertEquals(1800, result.get("sent"), result.toString());
        assertEquals(1800, result.get("received"), result.toString());
        assertEquals(0, result.get("lost"), result.toString());
        assertEquals(0, result.get("duplicated"), result.toString());
        assertEquals(0, result.get("reordered"), result.toString());

        assertTrue(ThreadCensus.eventually(30, () -> ThreadCensus.runtimeThreads() <= runtimeThreadsBefore),
                "threads left by the runtime: " + ThreadCensus.names().stream()
                        .filter(n -> n.startsWith(ThreadCensus.RUNTIME_PREFIX_LOOP) || n.startsWith(ThreadCensus.RUNTIME_PREFIX_WS))
                        .toList());
        int platformAfter = ThreadCensus.platformThreads();
        long heapAfter = usedHeapAfterGc();
        System.out.printf("wsjs soak: %s%nwsjs soak: runtime threads before %d, at the end of the run %d, after close %d;"
                        + " platform threads before %d, after %d; heap used after GC before %.1f MiB, after %.1f MiB%n",
                result, runtimeThreadsBefore, runtimeThreadsDuring, ThreadCensus.runtimeThreads(),
                platformBefore, platformAfter, heapBefore / 1048576.0, heapAfter / 1048576.0);
        // Connections run on virtual threads: platform threads must not grow with their number
        // (a few may come from the JIT compiler and OkHttp's shared task runner).
        assertTrue(platformAfter - platformBefore < 12, "platform threads grew from " + platformBefore + " to "
                + platformAfter + ": " + java.util.Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                        .map(java.lang.management.ThreadInfo::getThreadName).sorted().toList());
    }

    /** One runtime with one echo round trip, closed: what every later runtime shares is then running. */
    private static void warmUp() throws Exception {
        try (LocalWebSocketServer server = LocalWebSocketServer.start();
             WsjsRuntime rt = WsjsRuntime.builder().location("http://127.0.0.1:" + server.port() + "/")
                     .console((level, text) -> {}).start()) {
            rt.evalAsync("""
                    new Promise((resolve, reject) => {
                      const ws = new WebSocket('/echo');
                      ws.onopen = () => ws.send('warm');
                      ws.onmessage = () => ws.close();
                      ws.onclose = (e) => e.wasClean ? resolve() : reject(new Error('not clean'));
                    })""").get(60, TimeUnit.SECONDS);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
