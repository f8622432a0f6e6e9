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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
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
 * Any thread may call {@link #submit(Function)}, {@link #evalAsync(String)}, {@link #call(String, Object...)}
 * and {@link #close()}.
 */
public final class WsjsRuntime implements AutoCloseable {

    /** Scripts see only members marked {@code @HostAccess.Export}; byte buffers become ArrayBuffers without copies. */
    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
            .allowBufferAccess(true)
            .allowArrayAccess(true)
            .allowListAccess(true)
            .build();

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final EventLoop loop;
    private final RuntimeServices services;
    private final ConsoleSink console;
    private final Context context;
    private final Value internals;
    private final Ops ops;
    private final Path moduleRoot;
    private volatile int exitCode;
    private volatile boolean exitRequested;
    private volatile boolean closed;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();

    private WsjsRuntime(Builder b, Thread owner) {
        this.console = b.console;
        this.moduleRoot = b.moduleRoot;
        this.loop = new EventLoop(owner, this::onTaskError);
        RuntimeOptions options = new RuntimeOptions(b.location, b.userAgent, b.args, b.env, b.windowAliases);
        WebSocketConfig webSocketConfig = new WebSocketConfig(b.httpClient, b.trustedCertificates,
                b.webSocketSettings, b.webSocketDiagnostics);
        this.services = new RuntimeServices(this, loop, options, b.console, b.uncaughtErrorHandler, webSocketConfig);
        long start = System.nanoTime();
        this.context = newContext(b);
        StartupTrace.phase("context", start);
        try {
            start = System.nanoTime();
            this.ops = new Ops(services);
            StartupTrace.phase("ops", start);
            this.internals = JsLayer.install(context, ops);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    private static Context newContext(Builder b) {
        IOAccess io = b.moduleRoot == null
                ? IOAccess.NONE
                : IOAccess.newBuilder().fileSystem(new RootedFileSystem(b.moduleRoot)).build();
        return Context.newBuilder("js")
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

    // ------------------------------------------------------------------ evaluation (loop thread)

    /** Evaluates a classic script; the result is only usable on the loop thread. */
    public Value eval(String code) {
        return eval(code, "eval.js");
    }

    /** Evaluates a classic script named {@code name} (shown in stack traces). */
    public Value eval(String code, String name) {
        loop.checkLoopThread("eval");
        Source source = Source.newBuilder("js", code, name).buildLiteral();
        return runScript(source);
    }

    /** Evaluates a classic script file. */
    public Value evalFile(Path file) throws IOException {
        loop.checkLoopThread("evalFile");
        Source source = Source.newBuilder("js", file.toFile()).build();
        return runScript(source);
    }

    /**
     * Loads {@code file} as an ES module with its import graph; imports are confined to the
     * builder's module root (by default the directory of {@code file} is NOT granted: set
     * {@link Builder#moduleRoot(Path)}).
     */
    public Value evalModule(Path file) throws IOException {
        loop.checkLoopThread("evalModule");
        if (moduleRoot == null) {
            throw new IllegalStateException("ES modules need a module root: build the runtime with moduleRoot(dir)");
        }
        Path abs = file.toAbsolutePath().normalize();
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
        try {
            return context.eval(source);
        } catch (PolyglotException e) {
            onScriptError(e);
            return null;
        }
    }

    // ------------------------------------------------------------------ pumping (loop thread)

    /** Runs at most one task, waiting up to {@code maxWait} for one. */
    public boolean runOnce(Duration maxWait) {
        return loop.runOnce(maxWait.toNanos());
    }

    /** Runs until nothing is pending: no task, no ref'd timer, no open connection (or until exit). */
    public void runUntilIdle() {
        loop.runUntilIdle();
    }

    /** Runs until {@code done} holds, the loop becomes idle or {@code timeout} passes; returns {@code done}. */
    public boolean runUntil(BooleanSupplier done, Duration timeout) {
        return loop.runUntil(done, timeout.toNanos());
    }

    // ------------------------------------------------------------------ any thread

    /**
     * Runs {@code work} on the loop thread as a task (task source "posted") and completes the future
     * with its result. {@code work} may use the {@link Context}; it must not return JS values
     * to other threads (convert them with {@link Value#as(Class)} first).
     */
    public <T> CompletableFuture<T> submit(Function<Context, T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new IllegalStateException("the runtime is closed"));
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

    /**
     * Evaluates {@code code} on the loop thread; if the result is a promise (or thenable), waits for it.
     * The future completes with the value converted to a Java object (String, Number, Boolean, null,
     * or a Map/List for objects and arrays), or exceptionally with a {@link ScriptException}.
     */
    public CompletableFuture<Object> evalAsync(String code) {
        return settle(ctx -> ctx.eval(Source.newBuilder("js", code, "evalAsync.js").buildLiteral()));
    }

    /**
     * Calls the global function {@code name} with {@code args} on the loop thread and waits for its
     * result like {@link #evalAsync(String)}.
     */
    public CompletableFuture<Object> call(String name, Object... args) {
        Objects.requireNonNull(name, "name");
        return settle(ctx -> {
            Value fn = ctx.getBindings("js").getMember(name);
            if (fn == null || !fn.canExecute()) {
                throw new IllegalArgumentException("globalThis." + name + " is not a function");
            }
            return fn.execute(args);
        });
    }

    private CompletableFuture<Object> settle(Function<Context, Value> work) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        submit(ctx -> {
            Value v;
            try {
                v = work.apply(ctx);
            } catch (PolyglotException e) {
                result.completeExceptionally(new ScriptException(e.getMessage(), e));
                return null;
            }
            if (v != null && v.hasMember("then") && v.getMember("then").canExecute()) {
                // Proxies are callable from JS whatever the host access policy says.
                ProxyExecutable onFulfilled = a -> {
                    result.complete(toJava(a.length > 0 ? a[0] : null));
                    return null;
                };
                ProxyExecutable onRejected = a -> {
                    result.completeExceptionally(new ScriptException(a.length > 0 ? describe(a[0]) : "rejected", null));
                    return null;
                };
                v.invokeMember("then", onFulfilled, onRejected);
            } else {
                result.complete(toJava(v));
            }
            return null;
        }).exceptionally(t -> {
            result.completeExceptionally(t);
            return null;
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
        }
        close();
    }

    /**
     * Delivers an OS signal ("SIGINT", "SIGTERM") to the listeners a script registered with the
     * non-standard {@code wsjs.addSignalListener}; the future tells whether any listener ran.
     * Any thread.
     */
    public CompletableFuture<Boolean> signal(String name) {
        Objects.requireNonNull(name, "name");
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
        if (closed) return;
        loop.post(TaskSource.RUNTIME, this::closeOnLoopThread);
        loop.stop();
        try {
            closedFuture.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The loop thread is stuck in a script (or nobody pumps): cancel execution from here.
            context.close(true);
            closed = true;
            closedFuture.complete(null);
        }
    }

    private void closeOnLoopThread() {
        if (closed) return;
        closed = true;
        try {
            Value makeDisappear = internals.getMember("makeDisappear");
            if (makeDisappear != null && makeDisappear.canExecute()) makeDisappear.executeVoid();
        } catch (PolyglotException ignored) {
            // Closing goes on whatever a script's close handler does.
        }
        // The 1001 closing handshakes finish on network threads; the client goes when they are done.
        services.releaseWebSocketClient(ops.ws::idle);
        loop.clear();
        loop.stop();
        context.close(true);
        closedFuture.complete(null);
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
        private WebSocketDiagnostics webSocketDiagnostics = WebSocketDiagnostics.NONE;

        private Builder() {}

        /**
         * The OkHttp client WebSocket handshakes derive from (proxy, TLS, interceptors, DNS). The
         * runtime adds its own cookie jar and upgrade settings. Default: one shared client that
         * honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY.
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Trusts the CA certificates in this PEM file too (e.g. a test server's CA), for this runtime only. */
        public Builder trustedCertificates(Path pemFile) {
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

        /** Receives what scripts may not see: failure causes, handshake results, close codes. */
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
            this.args = List.copyOf(args);
            return this;
        }

        /** Grants scripts read access to these environment variables as {@code wsjs.env}. */
        public Builder env(Map<String, String> env) {
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
            return made.join();
        }
    }
}
