package dev.wsjs.examples.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.ConsoleSink;
import dev.wsjs.WsjsRuntime;
import dev.wsjs.examples.ExampleFiles;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.TickerHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * examples/npm: reconnecting-websocket and partysocket, bundled by esbuild into one classic script,
 * run unmodified against the embedded server. The bundle is built by examples/npm/build.sh.
 */
@Timeout(180)
class NpmBundleTest {

    @Test
    void bundledNpmClientsReconnectResumeAndTalkThroughTheEmbeddedServer() throws Exception {
        Path bundle = ExampleFiles.dir("npm").resolve("dist/npm-clients.bundle.js");
        Assumptions.assumeTrue(Files.isRegularFile(bundle),
                "skipped: " + bundle + " is missing; run examples/npm/build.sh (needs node and npm) to build it");
        List<String> out = new CopyOnWriteArrayList<>();
        ConsoleSink console = (level, text) -> out.add((level == ConsoleSink.Level.ERROR ? "E " : "") + text);
        try (LocalWebSocketServer server = LocalWebSocketServer.builder()
                     .route("/ticks", new TickerHandler(Duration.ofMillis(20), 1024))
                     .start();
             WsjsRuntime rt = WsjsRuntime.builder()
                     .location("http://127.0.0.1:" + server.port() + "/")
                     .console(console)
                     .build()) {
            rt.evalFile(bundle);
            long start = System.nanoTime();
            rt.runUntil(() -> false, Duration.ofSeconds(90)); // returns when nothing is pending
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(90).toNanos(), "the bundle's program ended: " + out);
            assertEquals(0, rt.exitCode(), String.join("\n", out));
            assertTrue(out.stream().anyMatch(l -> l.matches(
                    "reconnecting-websocket: ticks 1\\.\\.10 in order, none twice: true; connections: [2-9]")), String.join("\n", out));
            assertTrue(out.contains("partysocket: bob heard \"sent before open\" from alice at /broadcast (id alice)"), String.join("\n", out));
            assertEquals("npm clients: done", out.get(out.size() - 1), String.join("\n", out));
        }
    }
}
