package dev.wsjs;

import dev.wsjs.internal.JsLayer;
import dev.wsjs.internal.RootedFileSystem;
import dev.wsjs.internal.RuntimeServices;
import dev.wsjs.internal.SharedEngine;
import dev.wsjs.internal.StartupTrace;
import dev.wsjs.internal.WebSocketConfig;
import dev.wsjs.websocket.WebSocketSettings;
import okhttp3.OkHttpClient;
import dev.wsjs.loop.EventLoop;
import dev.wsjs.loop.TaskSource;
import dev.wsjs.ops.Ops;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One JavaScript runtime: a GraalJS context with the web platform globals, driven by its own
 * event loop. Build one with {@link #builder()}.
 *
 * <p>Threads: the runtime belongs to its loop thread, which alone touches JavaScript values.
 * {@link Builder#build()} makes the calling thread the loop thread; the caller then pumps the loop
 * ({@link #runUntilIdle()}, {@link #runOnce(Duration)}, {@link #runUntil(BooleanSupplier, Duration)}).
 * {@link Builder#start()} gives the runtime a dedicated loop thread that runs until {@link #close()}.
 * Any thread may call {@link #submit(Function)}, {@link #evalAsync(String)}, {@link #call(String, Object...)},
 * {@link #interrupt(Duration)} and {@link #close()}.
 *
 * <p>Limits for untrusted scripts (all off by default): {@link Builder#statementLimit(long)} bounds
 * the work of one task, {@link #interrupt(Duration)} stops a runaway script from another thread,
 * {@link Builder#maxOpenWebSockets(int)} and {@link Builder#maxQueuedOutgoingBytes(long)} bound
 * what scripts can hold on the network.
 *
 * <p>Misuse from Java fails fast with an exception that says what to do: a call on the wrong
 * thread ({@link IllegalStateException}), {@code eval} on a closed runtime
 * ({@link IllegalStateException}), a null argument ({@link NullPointerException} naming it).
 * Work submitted to a closed runtime, or still pending when it closes, completes exceptionally
 * with an {@link IllegalStateException}. Pumping a closed runtime returns at once: a script may
 * close its own runtime ({@code wsjs.exit}) in the middle of a pump.
 */
public final class WsjsRuntime implements AutoCloseable {

    /** Scripts see only members marked {@code @HostAccess.Export}; byte buffers become ArrayBuffers without copies. */
    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
            .allowBufferAccess(true)
            .allowArrayAccess(true)
            .allowListAccess(true)
            .build();

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    /**
     * The statement limit counts the scripts' own code, not the platform layer's. One instance for
     * every context: contexts on a shared engine must use the same filter.
     */
    private static final Predicate<Source> USER_CODE = source -> !source.getName().startsWith(JsLayer.SOURCE_PREFIX);

    /** How long close() from another thread lets a running script finish before interrupting it. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final EventLoop loop;
    private final RuntimeServices services;
    private final ConsoleSink console;
    private final Context context;
    private final Value internals;
    /** The global object's bindings, looked up once by the loop thread for {@link #call}. */
    private Value globals;
    private final Ops ops;
    private final Path moduleRoot;
    private final long statementLimit;
    private volatile int exitCode;
    private volatile boolean exitRequested;
    /** Set by the thread that closes the runtime, before anything else: decides who closes. */
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;
    /** Why the runtime closed, for the exceptions of later calls. */
    private volatile String closeReason = "closed by close()";
    /** Set on the loop thread by GraalJS when a task exceeded the statement limit (the context is then cancelled). */
    private volatile boolean statementLimitExceeded;
    /** Futures handed out by submit/evalAsync/call that have not completed; failed when the runtime closes. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();

    private WsjsRuntime(Builder b, Thread owner) {
        this.console = b.console;
        this.moduleRoot = b.moduleRoot;
        this.statementLimit = b.statementLimit;
        this.loop = new EventLoop(owner, this::onTaskError);
        RuntimeOptions options = new RuntimeOptions(b.location, b.userAgent, b.args, b.env, b.windowAliases);
        WebSocketSettings settings = b.maxQueuedOutgoingBytes < 0
                ? b.webSocketSettings
                : b.webSocketSettings.withMaxOutgoingBufferedBytes(b.maxQueuedOutgoingBytes);
        WebSocketConfig webSocketConfig = new WebSocketConfig(b.httpClient, b.trustedCertificates,
                settings, b.webSocketDiagnostics, b.maxOpenWebSockets);
        this.services = new RuntimeServices(this, loop, options, b.console, b.uncaughtErrorHandler, webSocketConfig);
        long start = System.nanoTime();
        this.context = newContext(b);
        StartupTrace.phase("context", start);
        try {
            start = System.nanoTime();
            this.ops = new Ops(services);
            StartupTrace.phase("ops", start);
            this.internals = JsLayer.install(context, ops);
        } catch (PolyglotException e) {
            context.close(true);
            if (b.location != null && String.valueOf(e.getMessage()).contains(b.location)) {
                throw new IllegalArgumentException("location '" + b.location + "' is not an absolute URL ("
                        + e.getMessage() + "); pass one like https://example.test/app, or null for none", e);
            }
            throw e;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        if (statementLimit > 0) {
            // Each task gets the whole budget; the layer's own statements are not counted.
            loop.setTaskHooks(context::resetLimits, this::afterTask);
        }
    }

    private Context newContext(Builder b) {
        IOAccess io = b.moduleRoot == null
                ? IOAccess.NONE
                : IOAccess.newBuilder().fileSystem(new RootedFileSystem(b.moduleRoot)).build();
        Context.Builder builder = Context.newBuilder("js");
        if (b.statementLimit > 0) {
            builder.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(b.statementLimit, USER_CODE)
                    .onLimit(event -> statementLimitExceeded = true)
                    .build());
        }
        return builder
                .engine(b.engine != null ? b.engine : SharedEngine.get())
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(name -> false)
                .allowNativeAccess(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(io)
                .option("js.ecmascript-version", "latest")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                // The Graal builtin carries the promise rejection hook; 03_timers.js takes it and
                // deletes the global before any user script runs.
                .option("js.graal-builtin", "true")
                .option("js.unhandled-rejections", "handler")
                .build();
    }

    /** A builder with the defaults of an embedded runtime. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A new GraalJS engine with the runtime's engine options, for {@link Builder#engine}: runtimes on
     * one engine share parsed and compiled code. Without one they share a process-wide engine.
     *
     * @param compilationOptions GraalVM engine options that replace the runtime's defaults in JIT mode,
     *     for example {@code Map.of("engine.CompilerThreads", "1")} for a process that runs many short
     *     programs on few cores; a {@code -Dpolyglot.<name>} system property still wins over them
     */
    public static Engine newEngine(Map<String, String> compilationOptions) {
        return SharedEngine.create(Map.copyOf(compilationOptions));
    }

    // ------------------------------------------------------------------ evaluation (loop thread)

    /** Evaluates a classic script; the result is only usable on the loop thread. */
    public Value eval(String code) {
        return eval(code, "eval.js");
    }

    /** Evaluates a classic script named {@code name} (shown in stack traces). */
    public Value eval(String code, String name) {
        checkUsable("eval");
        Objects.requireNonNull(code, "code: pass the script's source text");
        Objects.requireNonNull(name, "name: pass a script name for stack traces, e.g. \"main.js\"");
        Source source = Source.newBuilder("js", code, name).buildLiteral();
        return runScript(source);
    }

    /** Evaluates a classic script file. */
    public Value evalFile(Path file) throws IOException {
        checkUsable("evalFile");
        Objects.requireNonNull(file, "file: pass the path of a script file");
        Source source = Source.newBuilder("js", file.toFile()).build();
        return runScript(source);
    }

    /**
     * Loads {@code file} as an ES module with its import graph; imports are confined to the
     * builder's module root (by default the directory of {@code file} is NOT granted: set
     * {@link Builder#moduleRoot(Path)}).
     */
    public Value evalModule(Path file) throws IOException {
        checkUsable("evalModule");
        Objects.requireNonNull(file, "file: pass the path of a module file");
        if (moduleRoot == null) {
            throw new IllegalStateException("ES modules need a module root: build the runtime with moduleRoot(dir)");
        }
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(moduleRoot.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("module " + file + " is outside the module root " + moduleRoot
                    + ": its imports could not be read; build the runtime with a moduleRoot that contains it");
        }
        Source source = Source.newBuilder("js", abs.toFile())
                .mimeType("application/javascript+module")
                .build();
        return runScript(source);
    }

    /**
     * Runs a script as a task would: an exception it throws is reported like any uncaught error
     * (the global {@code error} event, then the uncaught-error handler). Returns null if it threw.
     */
    private Value runScript(Source source) {
        if (statementLimit > 0) context.resetLimits();
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            onScriptError(e);
            return null;
        } finally {
            if (statementLimit > 0) afterTask();
        }
    }

    /** Loop thread: the eval methods' checks, in the order a caller fixes them. */
    private void checkUsable(String what) {
        loop.checkLoopThread(what);
        if (closed || closing.get()) {
            throw closedException(what);
        }
    }

    private IllegalStateException closedException(String what) {
        return new IllegalStateException(what + ": the runtime is closed (" + closeReason
                + "); build a new WsjsRuntime to run more scripts");
    }

    /** After every task when a statement limit is set: a task that exceeded it cancelled the context. */
    private void afterTask() {
        if (statementLimitExceeded && !closing.get()) {
            services.uncaught("Uncaught RangeError: the script ran more than " + statementLimit
                    + " statements in one task (WsjsRuntime.Builder.statementLimit); the runtime is closed");
            closeReason = "a task exceeded the statement limit of " + statementLimit;
            closeOnLoopThread();
        }
    }

    // ------------------------------------------------------------------ pumping (loop thread)

    /** Runs at most one task, waiting up to {@code maxWait} for one. */
    public boolean runOnce(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait: pass how long to wait for a task, e.g. Duration.ZERO");
        return loop.runOnce(maxWait.toNanos());
    }

    /** Runs until nothing is pending: no task, no ref'd timer, no open connection (or until exit). */
    public void runUntilIdle() {
        loop.runUntilIdle();
    }

    /** Runs until {@code done} holds, the loop becomes idle or {@code timeout} passes; returns {@code done}. */
    public boolean runUntil(BooleanSupplier done, Duration timeout) {
        Objects.requireNonNull(done, "done: pass the condition to run until");
        Objects.requireNonNull(timeout, "timeout: pass how long to run at most");
        return loop.runUntil(done, timeout.toNanos());
    }

    // ------------------------------------------------------------------ any thread

    /**
     * Runs {@code work} on the loop thread as a task (task source "posted") and completes the future
     * with its result. {@code work} may use the {@link Context}; it must not return JS values
     * to other threads (convert them with {@link Value#as(Class)} first).
     */
    public <T> CompletableFuture<T> submit(Function<Context, T> work) {
        Objects.requireNonNull(work, "work: pass the function to run on the loop thread");
        CompletableFuture<T> future = track(new CompletableFuture<>());
        if (closing.get()) {
            future.completeExceptionally(closedException("work submitted from Java was not run"));
            return future;
        }
        loop.post(TaskSource.POSTED, () -> {
            try {
                future.complete(work.apply(context));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    /** Keeps {@code future} in {@link #pending} until it completes, so closing can fail it. */
    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        // Added before the caller checks `closing`, so closing either sees it or the caller sees closing.
        pending.add(future);
        future.whenComplete((v, t) -> pending.remove(future));
        return future;
    }

    /**
     * Evaluates {@code code} on the loop thread; if the result is a promise (or thenable), waits for it.
     * The future completes with the value converted to a Java object (String, Number, Boolean, null,
     * or a Map/List for objects and arrays), or exceptionally with a {@link ScriptException}.
     */
    public CompletableFuture<Object> evalAsync(String code) {
        Objects.requireNonNull(code, "code: pass the script's source text");
        return settle(ctx -> ctx.eval(Source.newBuilder("js", code, "evalAsync.js").buildLiteral()));
    }

    /**
     * Calls the global function {@code name} with {@code args} on the loop thread and waits for its
     * result like {@link #evalAsync(String)}.
     */
    public CompletableFuture<Object> call(String name, Object... args) {
        Objects.requireNonNull(name, "name: pass the name of a global function");
        return settle(ctx -> {
            if (globals == null) globals = ctx.getBindings("js");
            Value fn = globals.getMember(name);
            if (fn == null || !fn.canExecute()) {
                throw new IllegalArgumentException("globalThis." + name + " is not a function");
            }
            return fn.execute(args);
        });
    }

    /**
     * Runs {@code work} as a posted task and completes with its value, awaited if it is a promise. One
     * future per call: a server rendering pages calls this for every request.
     */
    private CompletableFuture<Object> settle(Function<Context, Value> work) {
        // Tracked: closing fails it if the task never runs, or runs but its promise never settles.
        CompletableFuture<Object> result = track(new CompletableFuture<>());
        if (closing.get()) {
            result.completeExceptionally(closedException("work submitted from Java was not run"));
            return result;
        }
        loop.post(TaskSource.POSTED, () -> {
            Value v;
            try {
                v = work.apply(context);
            } catch (PolyglotException e) {
                result.completeExceptionally(new ScriptException(describe(e), e));
                return;
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return;
            }
            if (v != null && !v.isString() && v.hasMember("then") && v.getMember("then").canExecute()) {
                // Proxies are callable from JS whatever the host access policy says.
                ProxyExecutable onFulfilled = a -> {
                    result.complete(toJava(a.length > 0 ? a[0] : null));
                    return null;
                };
                ProxyExecutable onRejected = a -> {
                    result.completeExceptionally(new ScriptException(a.length > 0 ? describe(a[0]) : "rejected", null));
                    return null;
                };
                internals.getMember("whenSettled").executeVoid(v, onFulfilled, onRejected);
            } else {
                result.complete(toJava(v));
            }
        });
        return result;
    }

    private static Object toJava(Value v) {
        if (v == null || v.isNull()) return null;
        if (v.isString()) return v.asString();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isNumber()) return v.fitsInInt() ? (Object) v.asInt() : (Object) v.asDouble();
        if (v.hasArrayElements()) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) list.add(toJava(v.getArrayElement(i)));
            return list;
        }
        if (v.hasMembers()) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (String k : v.getMemberKeys()) map.put(k, toJava(v.getMember(k)));
            return map;
        }
        return v.toString();
    }

    /** A script error's message; a stopped script says who stopped it. */
    private String describe(PolyglotException e) {
        if (e.isInterrupted()) return "Interrupted: the script was stopped by WsjsRuntime.interrupt()";
        if (e.isResourceExhausted()) return "the script ran more than " + statementLimit + " statements in one task";
        return e.getMessage();
    }

    private static String describe(Value err) {
        if (err.hasMember("stack") && err.getMember("stack").isString()) return err.getMember("stack").asString();
        return String.valueOf(err);
    }

    /**
     * Ends the program with {@code code}, like Node's {@code process.exit}: the runtime closes at once
     * (a script calling this stops where it is; open WebSockets are made to disappear). Later calls
     * keep the first code. Any thread.
     */
    public void exit(int code) {
        if (!exitRequested) {
            exitRequested = true;
            exitCode = code;
            if (!closing.get()) closeReason = "ended by exit(" + code + ")";
        }
        close();
    }

    /**
     * Delivers an OS signal ("SIGINT", "SIGTERM") to the listeners a script registered with the
     * non-standard {@code wsjs.addSignalListener}; the future tells whether any listener ran.
     * Any thread.
     */
    public CompletableFuture<Boolean> signal(String name) {
        Objects.requireNonNull(name, "name: pass \"SIGINT\" or \"SIGTERM\"");
        if (!name.equals("SIGINT") && !name.equals("SIGTERM")) {
            throw new IllegalArgumentException("unsupported signal '" + name + "': scripts can listen for SIGINT and SIGTERM");
        }
        return submit(ctx -> {
            Value callback = services.signalCallback();
            return callback != null && callback.execute(name).asBoolean();
        });
    }

    /** The exit code set by {@link #exit(int)} (0 if none). */
    public int exitCode() {
        return exitCode;
    }

    /** Whether a script or handler asked the program to end. */
    public boolean exitRequested() {
        return exitRequested;
    }

    /** The console sink this runtime writes to. */
    public ConsoleSink console() {
        return console;
    }

    /** The loop thread. */
    public Thread loopThread() {
        return loop.owner();
    }

    /** A future completed when the runtime has closed. */
    public CompletableFuture<Void> closedFuture() {
        return closedFuture;
    }

    /**
     * "Make disappear" and free the context: open WebSockets close with 1001, connecting ones
     * fail, timers and queued tasks are dropped. Idempotent; any thread (from another thread it
     * waits for the loop thread to do it).
     */
    @Override
    public void close() {
        if (loop.inLoopThread()) {
            closeOnLoopThread();
            return;
        }
        if (closedFuture.isDone()) return;
        loop.post(TaskSource.RUNTIME, this::closeOnLoopThread);
        loop.stop();
        if (awaitClosed(CLOSE_GRACE)) return;
        // A script that does not return holds the loop thread: stop it, and the loop thread closes.
        interruptQuietly();
        if (awaitClosed(Duration.ofSeconds(10))) return;
        // Nobody pumps this loop (a build() runtime whose thread is busy elsewhere): close from here.
        if (closing.compareAndSet(false, true)) {
            closed = true;
            failPending();
            context.close(true);
            // Without the loop, no closing handshake runs: the client aborts the connections.
            services.releaseWebSocketClient(ops.ws::idle);
            closedFuture.complete(null);
        }
    }

    private boolean awaitClosed(Duration timeout) {
        try {
            closedFuture.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closedFuture.isDone();
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    private void interruptQuietly() {
        try {
            context.interrupt(Duration.ofSeconds(5));
        } catch (TimeoutException | IllegalStateException e) {
            // Still running, or closed meanwhile: the caller goes on to its next step either way.
        }
    }

    private void closeOnLoopThread() {
        if (!closing.compareAndSet(false, true)) return;
        closed = true;
        failPending();
        try {
            Value makeDisappear = internals.getMember("makeDisappear");
            if (makeDisappear != null && makeDisappear.canExecute()) makeDisappear.executeVoid();
        } catch (PolyglotException | IllegalStateException ignored) {
            // A cancelled context cannot run the layer's version; ops.ws.disappear() below does it.
        }
        ops.ws.disappear();
        // The 1001 closing handshakes finish on network threads; the client goes when they are done.
        services.releaseWebSocketClient(ops.ws::idle);
        loop.clear();
        loop.stop();
        context.close(true);
        closedFuture.complete(null);
    }

    /** Completes every future still waiting for the loop: nothing will run it any more. */
    private void failPending() {
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(new IllegalStateException("the runtime closed (" + closeReason
                    + ") before this work completed; build a new WsjsRuntime to run more scripts"));
        }
    }

    /**
     * Stops the script the loop thread is running right now (a runaway {@code while (true) {}}, a
     * long computation), from another thread. The task it was running ends where it was, as if it
     * had thrown: the uncaught-error handler hears {@code Interrupted: …}, and a future of
     * {@link #evalAsync}/{@link #call} completes with a {@link ScriptException}. The runtime stays
     * usable: timers, sockets and later tasks run as before. When no script is running this does
     * nothing. A script cannot resist: a {@code catch} or {@code finally} block may run, but the
     * interruption repeats until the script has returned to the loop.
     *
     * @param timeout how long to wait for the script to stop
     * @return whether the loop thread left the script within {@code timeout}
     * @throws IllegalStateException if called on the loop thread (a script there can simply return)
     */
    public boolean interrupt(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout: pass how long to wait for the script to stop");
        if (loop.inLoopThread()) {
            throw new IllegalStateException("interrupt() is for other threads: the loop thread ("
                    + loop.owner().getName() + ") is the one running the script");
        }
        if (closed) return true;
        try {
            context.interrupt(timeout);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (IllegalStateException e) {
            return closed; // closed meanwhile: nothing runs any more
        }
    }

    public boolean isClosed() {
        return closed;
    }

    // ------------------------------------------------------------------ errors

    private void onTaskError(RuntimeException e) {
        if (e instanceof PolyglotException pe) {
            onScriptError(pe);
        } else {
            services.uncaught("Uncaught (internal) " + e);
        }
    }

    /** Routes a script error to the JS layer's reportException (the global error event), else prints it. */
    private void onScriptError(PolyglotException e) {
        if (e.isCancelled() || closed) return;
        if (e.isInterrupted()) {
            services.uncaught("Interrupted: the script was stopped by WsjsRuntime.interrupt()\n" + jsStack(e));
            return;
        }
        if (e.isExit()) {
            exit(e.getExitStatus());
            return;
        }
        Value report = services.reportException();
        if (report != null && e.isGuestException() && e.getGuestObject() != null) {
            try {
                report.executeVoid(e.getGuestObject());
                return;
            } catch (PolyglotException again) {
                // The report itself may end the program (an uncaught-error handler that exits).
                if (again.isCancelled() || closed) return;
                e = again;
            }
        }
        services.uncaught("Uncaught " + e.getMessage() + "\n" + jsStack(e));
    }

    private static String jsStack(PolyglotException e) {
        StringBuilder sb = new StringBuilder();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame()) continue;
            sb.append("    at ").append(f).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** Builds runtimes; every setting has a safe default. */
    public static final class Builder {
        private String location;
        private String userAgent = Version.USER_AGENT;
        private ConsoleSink console = ConsoleSink.stdio();
        private UncaughtErrorHandler uncaughtErrorHandler = UncaughtErrorHandler.printAndContinue();
        private Engine engine;
        private List<String> args = List.of();
        private Map<String, String> env;
        private boolean windowAliases = true;
        private Path moduleRoot;
        private OkHttpClient httpClient;
        private final List<Path> trustedCertificates = new ArrayList<>();
        private WebSocketSettings webSocketSettings = WebSocketSettings.defaults();
        private WebSocketDiagnostics webSocketDiagnostics = WebSocketDiagnostics.systemLogger();
        private long statementLimit;
        private int maxOpenWebSockets = Integer.MAX_VALUE;
        private long maxQueuedOutgoingBytes = -1;

        private Builder() {}

        /**
         * Bounds the statements one task may run: a script evaluation, one timer callback, one
         * event dispatch, one {@link #submit} (the platform layer's own code is not counted). A
         * task that goes over it is stopped, the uncaught-error handler hears
         * {@code Uncaught RangeError: the script ran more than N statements in one task …}, and the
         * runtime closes: GraalJS cancels the context, so nothing more can run in it (open
         * WebSockets still close with 1001). 0 (the default) means no limit.
         */
        public Builder statementLimit(long statementsPerTask) {
            if (statementsPerTask < 0) {
                throw new IllegalArgumentException("statementLimit must be >= 0 (0 = no limit): " + statementsPerTask);
            }
            this.statementLimit = statementsPerTask;
            return this;
        }

        /**
         * How many WebSockets the runtime's scripts may have that are not CLOSED (connecting, open
         * or closing). The constructor never throws for it, as the standard has no such step: a
         * WebSocket over the limit fails its connection (an {@code error} event, then
         * {@code close} with code 1006), and {@link WebSocketDiagnostics#onFailure} hears
         * {@link dev.wsjs.websocket.FailureCause#TOO_MANY_CONNECTIONS}. A slot frees when a
         * WebSocket's {@code close} event has been dispatched. Default: no limit.
         */
        public Builder maxOpenWebSockets(int max) {
            if (max < 1) throw new IllegalArgumentException("maxOpenWebSockets must be at least 1: " + max);
            this.maxOpenWebSockets = max;
            return this;
        }

        /**
         * The most payload bytes one WebSocket may have queued for sending (its bufferedAmount not
         * yet handed to the network), i.e. {@link WebSocketSettings#maxOutgoingBufferedBytes()} for
         * every connection of this runtime; it wins over the value in
         * {@link #webSocketSettings(WebSocketSettings)}. A {@code send()} that would go over it
         * "flags the WebSocket as full" as the standard says: the connection fails with an
         * {@code error} event and {@code close} code 1006, and diagnostics hear
         * {@link dev.wsjs.websocket.FailureCause#BUFFER_FULL}. Default: 64 MiB.
         */
        public Builder maxQueuedOutgoingBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("maxQueuedOutgoingBytes must be >= 0: " + bytes);
            this.maxQueuedOutgoingBytes = bytes;
            return this;
        }

        /**
         * The OkHttp client WebSocket handshakes derive from (proxy, TLS, interceptors, DNS). The
         * runtime adds its own cookie jar and upgrade settings. Default: one shared client that
         * honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY.
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client: pass an OkHttpClient (or do not call httpClient)");
            return this;
        }

        /** Trusts the CA certificates in this PEM file too (e.g. a test server's CA), for this runtime only. */
        public Builder trustedCertificates(Path pemFile) {
            Objects.requireNonNull(pemFile, "pemFile: pass the path of a PEM file of CA certificates");
            if (!Files.isRegularFile(pemFile)) {
                throw new IllegalArgumentException("certificate file " + pemFile + " does not exist");
            }
            this.trustedCertificates.add(pemFile);
            return this;
        }

        /** Limits and timers of WebSocket connections (message size, buffer cap, timeouts, keep-alive). */
        public Builder webSocketSettings(WebSocketSettings settings) {
            this.webSocketSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Receives what scripts may not see: handshake answers (status, headers), failure causes, close
         * codes, and each connection's messages and payload/wire bytes in and out. Default:
         * {@link WebSocketDiagnostics#systemLogger()}.
         */
        public Builder webSocketDiagnostics(WebSocketDiagnostics diagnostics) {
            this.webSocketDiagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
            return this;
        }

        /** The page URL scripts see as {@code location}; base URL and origin of WebSockets. */
        public Builder location(String url) {
            this.location = url;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder console(ConsoleSink console) {
            this.console = Objects.requireNonNull(console, "console");
            return this;
        }

        public Builder onUncaughtError(UncaughtErrorHandler handler) {
            this.uncaughtErrorHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The GraalJS engine to share; defaults to one engine per JVM. */
        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        /** Script arguments, visible as the non-standard {@code wsjs.args}. */
        public Builder args(List<String> args) {
            Objects.requireNonNull(args, "args: pass List.of() for no arguments");
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) == null) throw new NullPointerException("args[" + i + "] is null: script arguments are strings");
            }
            this.args = List.copyOf(args);
            return this;
        }

        /** Grants scripts read access to these environment variables as {@code wsjs.env}. */
        public Builder env(Map<String, String> env) {
            if (env != null) {
                env.forEach((k, v) -> {
                    if (k == null || v == null) {
                        throw new NullPointerException("env has a null " + (k == null ? "name" : "value for " + k)
                                + ": environment variables are strings");
                    }
                });
            }
            this.env = env;
            return this;
        }

        /** Whether {@code self} and {@code window} alias {@code globalThis} (default true). */
        public Builder windowAliases(boolean windowAliases) {
            this.windowAliases = windowAliases;
            return this;
        }

        /** The directory ES modules may be loaded from; nothing outside it is readable. */
        public Builder moduleRoot(Path dir) {
            Objects.requireNonNull(dir, "dir: pass the directory ES modules may be loaded from");
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("module root " + dir + " is not a directory");
            this.moduleRoot = dir;
            return this;
        }

        /** Builds a runtime owned by the calling thread, which then pumps its loop. */
        public WsjsRuntime build() {
            return new WsjsRuntime(this, Thread.currentThread());
        }

        /** Builds a runtime with a dedicated loop thread that runs tasks until {@link WsjsRuntime#close()}. */
        public WsjsRuntime start() {
            CompletableFuture<WsjsRuntime> made = new CompletableFuture<>();
            CountDownLatch ready = new CountDownLatch(1);
            Thread t = Thread.ofPlatform().name("wsjs-loop-" + THREAD_NUMBERS.incrementAndGet()).daemon(true).unstarted(() -> {
                WsjsRuntime rt;
                try {
                    rt = new WsjsRuntime(this, Thread.currentThread());
                } catch (Throwable e) {
                    made.completeExceptionally(e);
                    return;
                }
                made.complete(rt);
                rt.loop.runUntilStopped();
                rt.closeOnLoopThread();
            });
            t.start();
            try {
                return made.join();
            } catch (java.util.concurrent.CompletionException e) {
                // The caller gets what build() would have thrown, not a wrapper.
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }
    }
}
