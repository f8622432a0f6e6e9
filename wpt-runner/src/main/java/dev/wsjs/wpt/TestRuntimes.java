package dev.wsjs.wpt;

import dev.wsjs.ConsoleSink;
import dev.wsjs.UncaughtErrorHandler;
import dev.wsjs.WsjsRuntime;
import dev.wsjs.websocket.WebSocketSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.graalvm.polyglot.Engine;

/** Builds the fresh runtime each test URL runs in. */
final class TestRuntimes {

    /** The longest opening handshake the runner allows (see {@link #build}). */
    private static final Duration MAX_HANDSHAKE = Duration.ofSeconds(5);

    private TestRuntimes() {}

    /**
     * The engine a run's runtimes share. One compiler thread instead of the runtime's default of several:
     * a test is a short program that runs mostly cold, and on a small machine several compiler threads
     * take the cores from the test itself. Measured on 2 cores, idlharness's window variant (120 KB of
     * IDL parsed as cold code) ran 18–21 s and timed out, and 12.5–14 s and passed with one thread.
     * {@code -Dpolyglot.engine.CompilerThreads=N} still chooses another count.
     */
    static Engine newEngine() {
        return WsjsRuntime.newEngine(Map.of("engine.CompilerThreads", "1"));
    }

    /**
     * A runtime owned by the calling thread, whose {@code location} is the page (or worker script) URL.
     * A worker-scoped test gets no {@code window}, as in a real worker.
     *
     * <p>The opening handshake is bounded well below the harness timeout: a server that never answers
     * the handshake then fails the connection, and the test reports what it checks instead of a
     * harness TIMEOUT.
     */
    static WsjsRuntime build(Engine engine, PagePlan plan, ConsoleSink console, UncaughtErrorHandler onUncaught, Path caCertificate,
                             Duration harnessTimeout) {
        Duration half = harnessTimeout.dividedBy(2);
        Duration handshake = half.compareTo(MAX_HANDSHAKE) < 0 ? half : MAX_HANDSHAKE;
        WsjsRuntime.Builder builder = WsjsRuntime.builder()
                .engine(engine)
                .location(plan.href())
                .windowAliases(!plan.worker())
                .console(console)
                .onUncaughtError(onUncaught)
                .webSocketSettings(WebSocketSettings.defaults().withHandshakeTimeout(handshake));
        trustServerCa(builder, caCertificate);
        return builder.build();
    }

    /**
     * The one place the runner hands the checkout's CA ({@code _certs/cacert.pem}) to the runtime, so
     * {@code ?wss}, https and h2 tests connect with certificate checks on. The CA exists once
     * {@code wpt serve} has started with TLS; without it those tests fail to connect, as they should.
     */
    private static void trustServerCa(WsjsRuntime.Builder builder, Path caCertificate) {
        if (Files.isRegularFile(caCertificate)) builder.trustedCertificates(caCertificate);
    }
}
