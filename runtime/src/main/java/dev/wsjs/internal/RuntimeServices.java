package dev.wsjs.internal;

import dev.wsjs.ConsoleSink;
import dev.wsjs.RuntimeOptions;
import dev.wsjs.UncaughtErrorHandler;
import dev.wsjs.WebSocketDiagnostics;
import dev.wsjs.websocket.WebSocketClient;
import dev.wsjs.WsjsRuntime;
import dev.wsjs.loop.EventLoop;
import org.graalvm.polyglot.Value;

/**
 * What the ops of one runtime share: its loop, options and sinks. Invoked only by the loop thread,
 * except {@link #loop()} whose post/ref methods are thread-safe.
 */
public final class RuntimeServices {

    private final WsjsRuntime runtime;
    private final EventLoop loop;
    private final RuntimeOptions options;
    private final ConsoleSink console;
    private final UncaughtErrorHandler uncaughtHandler;
    private final long timeOriginNanos = System.nanoTime();
    private final double timeOriginEpochMillis = System.currentTimeMillis();
    private Value reportException;
    private final WebSocketConfig webSocketConfig;
    /** Created on the first connection, so runtimes without WebSockets pay nothing. Loop thread only. */
    private WebSocketClient webSocketClient;

    public RuntimeServices(WsjsRuntime runtime, EventLoop loop, RuntimeOptions options,
                           ConsoleSink console, UncaughtErrorHandler uncaughtHandler, WebSocketConfig webSocketConfig) {
        this.webSocketConfig = webSocketConfig;
        this.runtime = runtime;
        this.loop = loop;
        this.options = options;
        this.console = console;
        this.uncaughtHandler = uncaughtHandler;
    }

    public WsjsRuntime runtime() { return runtime; }
    public EventLoop loop() { return loop; }
    public RuntimeOptions options() { return options; }
    public ConsoleSink console() { return console; }
    public long timeOriginNanos() { return timeOriginNanos; }
    public double timeOriginEpochMillis() { return timeOriginEpochMillis; }

    public void setReportException(Value fn) { this.reportException = fn; }

    private Value signalCallback;

    public void setSignalCallback(Value fn) { this.signalCallback = fn; }

    /** The JS function {@code (signalName) => handled}, or null before the layer installed it. */
    public Value signalCallback() { return signalCallback; }

    /** The JS layer's {@code reportException}, or null before the layer installed it. */
    public Value reportException() { return reportException; }

    /** The runtime's WebSocket client (its own cookie jar, trust and limits), made on first use. */
    public WebSocketClient webSocketClient() {
        if (webSocketClient == null) webSocketClient = webSocketConfig.newClient();
        return webSocketClient;
    }

    public WebSocketDiagnostics webSocketDiagnostics() {
        return webSocketConfig.diagnostics();
    }

    /** How many WebSockets scripts may hold that are not CLOSED yet. */
    public int maxOpenWebSockets() {
        return webSocketConfig.maxOpenWebSockets();
    }

    /**
     * Frees the WebSocket client once its connections have finished their closing handshakes
     * (bounded by the close timeout), without holding up the caller.
     */
    public void releaseWebSocketClient(java.util.function.BooleanSupplier idle) {
        WebSocketClient client = webSocketClient;
        if (client == null) return;
        webSocketClient = null;
        long deadline = System.nanoTime() + client.settings().closeTimeout().toNanos() + 1_000_000_000L;
        Thread.ofVirtual().name("wsjs-ws-release").start(() -> {
            try {
                while (!idle.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                client.close();
            }
        });
    }

    /** An error no script handled. */
    public void uncaught(String report) {
        uncaughtHandler.uncaught(report, runtime);
    }
}
