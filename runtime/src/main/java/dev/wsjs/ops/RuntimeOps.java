package dev.wsjs.ops;

import dev.wsjs.internal.RuntimeServices;
import dev.wsjs.loop.EventLoop;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import java.util.Map;

/**
 * Loop-level operations: timers, error reporting, exit, and the non-standard {@code wsjs}
 * namespace's data. Invoked only by the loop thread.
 */
public final class RuntimeOps {

    private final RuntimeServices services;
    private Value timerCallback;

    RuntimeOps(RuntimeServices services) {
        this.services = services;
    }

    /** Registers the JS function the loop calls with a timer's JS id when the timer fires. */
    @HostAccess.Export
    public void setTimerCallback(Value callback) {
        this.timerCallback = callback;
    }

    /** Starts a loop timer that calls the timer callback with {@code jsId}; returns a handle. */
    @HostAccess.Export
    public double startTimer(double delayMillis, boolean ref, int jsId) {
        EventLoop loop = services.loop();
        return loop.startTimer(delayMillis, ref, () -> timerCallback.executeVoid(jsId));
    }

    @HostAccess.Export
    public void cancelTimer(double handle) {
        services.loop().cancelTimer((long) handle);
    }

    /** Queues a JS function as a task (DOM manipulation / runtime task source). */
    @HostAccess.Export
    public void queueTask(Value fn) {
        services.loop().post(dev.wsjs.loop.TaskSource.RUNTIME, fn::executeVoid);
    }

    /** Registers the JS function that delivers an OS signal to the script's signal listeners. */
    @HostAccess.Export
    public void setSignalCallback(Value fn) {
        services.setSignalCallback(fn);
    }

    /** Registers {@code internals.reportException}, used for errors that reach Java. */
    @HostAccess.Export
    public void setReportException(Value fn) {
        services.setReportException(fn);
    }

    /** Called by the JS layer for an error no listener cancelled, with the console text for it. */
    @HostAccess.Export
    public void reportUncaught(String report) {
        services.uncaught(report);
    }

    /** Ends the program: the loop stops after the current task and the CLI exits with {@code code}. */
    @HostAccess.Export
    public void exit(int code) {
        services.runtime().exit(code);
    }

    /** Milliseconds since the runtime's time origin, with sub-millisecond precision. */
    @HostAccess.Export
    public double now() {
        return (System.nanoTime() - services.timeOriginNanos()) / 1e6;
    }

    /** The time origin in milliseconds since the Unix epoch. */
    @HostAccess.Export
    public double timeOrigin() {
        return services.timeOriginEpochMillis();
    }

    /** Script arguments (CLI arguments after the script name). */
    @HostAccess.Export
    public ProxyArray args() {
        return ProxyArray.fromList(java.util.List.copyOf(services.options().args()).stream().map(a -> (Object) a).toList());
    }

    /** Environment variables when granted, else null. */
    @HostAccess.Export
    public ProxyObject env() {
        Map<String, String> env = services.options().env();
        if (env == null) return null;
        return ProxyObject.fromMap(new java.util.HashMap<>(env));
    }

    /** The runtime's location URL or null; the JS layer installs {@code location} from it. */
    @HostAccess.Export
    public String location() {
        return services.options().location();
    }

    @HostAccess.Export
    public String userAgent() {
        return services.options().userAgent();
    }

    @HostAccess.Export
    public String version() {
        return dev.wsjs.Version.VERSION;
    }

    /**
     * Memory figures of the process in bytes: [rss, heapUsed, heapTotal]. RSS comes from
     * /proc/self/status where it exists (Linux), else -1.
     */
    @HostAccess.Export
    public ProxyArray memoryUsage() {
        Runtime rt = Runtime.getRuntime();
        long heapTotal = rt.totalMemory();
        long heapUsed = heapTotal - rt.freeMemory();
        return ProxyArray.fromArray((Object) (double) residentSetSize(), (double) heapUsed, (double) heapTotal);
    }

    private static long residentSetSize() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux, or /proc is not readable: report unknown.
        }
        return -1;
    }

    /** Whether {@code self}/{@code window} should alias the global object. */
    @HostAccess.Export
    public boolean windowAliases() {
        return services.options().windowAliases();
    }
}
