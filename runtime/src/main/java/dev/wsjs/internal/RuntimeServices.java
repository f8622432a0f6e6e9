package dev.wsjs.internal;

import dev.wsjs.ConsoleSink;
import dev.wsjs.RuntimeOptions;
import dev.wsjs.UncaughtErrorHandler;
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

    public RuntimeServices(WsjsRuntime runtime, EventLoop loop, RuntimeOptions options,
                           ConsoleSink console, UncaughtErrorHandler uncaughtHandler) {
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

    /** The JS layer's {@code reportException}, or null before the layer installed it. */
    public Value reportException() { return reportException; }

    /** An error no script handled. */
    public void uncaught(String report) {
        uncaughtHandler.uncaught(report, runtime);
    }
}
