package dev.wsjs.pool;

import dev.wsjs.ScriptException;
import dev.wsjs.WsjsRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A fixed set of {@link WsjsRuntime}s, each on its own loop thread, that Java threads share for
 * server-side rendering: every runtime evaluates the same app code once, then requests go to the
 * runtime with the fewest unfinished requests.
 *
 * <pre>{@code
 * try (RuntimePool pool = RuntimePool.builder()
 *         .size(4)
 *         .script(Files.readString(Path.of("render.js")), "render.js")   // defines globalThis.render
 *         .warmUp(200, "render", "/")                                     // lets the JIT see the hot path
 *         .maxQueued(64)
 *         .build()) {
 *     String html = pool.render("render", "/").join();
 * }
 * }</pre>
 *
 * <p>Each runtime runs one JavaScript task at a time, but a request whose function returns a
 * promise stays unfinished (and counts toward the runtime's load) only until that promise settles,
 * so one runtime can await data for many requests at once. The queue bound is per runtime: a
 * request is rejected at once with {@link RejectedExecutionException} when every runtime already
 * has {@code maxQueued} unfinished requests — callers see the overload instead of a growing
 * latency.
 *
 * <p>Runtimes share the JVM's GraalJS engine (compiled code is shared; each extra runtime costs
 * milliseconds). They do not share JavaScript state: anything one runtime learns (a WebSocket
 * subscription's latest message, a cache) it keeps to itself; {@link #callAll} reaches all of them.
 *
 * <p>Thread safe: any thread may call any method. {@link #close()} makes every runtime disappear
 * (open WebSockets close with 1001) and fails the requests still unfinished.
 */
public final class RuntimePool implements AutoCloseable {

    private final List<Slot> slots;
    private final int maxQueued;
    private volatile boolean closed;

    private RuntimePool(List<Slot> slots, int maxQueued) {
        this.slots = List.copyOf(slots);
        this.maxQueued = maxQueued;
    }

    /** A builder: one runtime per available processor, 64 unfinished requests per runtime. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calls the global function {@code function} with {@code args} on the least-loaded runtime and
     * expects a string (the rendered page). Arguments cross as in {@link WsjsRuntime#call}: strings,
     * numbers, booleans, null, or polyglot proxies such as {@code ProxyObject.fromMap(...)}.
     *
     * @throws RejectedExecutionException if every runtime has {@code maxQueued} unfinished requests,
     *         or the pool is closed
     */
    public CompletableFuture<String> render(String function, Object... args) {
        return call(function, args).thenApply(result -> {
            if (result instanceof String html) return html;
            throw new ScriptException(function + "() must return a string (or a promise of one), not "
                    + (result == null ? "null/undefined" : result.getClass().getSimpleName() + " " + result), null);
        });
    }

    /**
     * Calls the global function {@code function} on the least-loaded runtime; the future completes
     * like {@link WsjsRuntime#call}'s (promises are awaited, results converted to Java), or with a
     * {@link PoolClosedException} if the pool closes first.
     *
     * @throws RejectedExecutionException if every runtime has {@code maxQueued} unfinished requests,
     *         or the pool is closed
     */
    public CompletableFuture<Object> call(String function, Object... args) {
        Objects.requireNonNull(function, "function");
        if (closed) throw new RejectedExecutionException("the pool is closed");
        Slot slot = reserve();
        return slot.run(function, args);
    }

    /**
     * Calls {@code function} on every live runtime (e.g. to push new data or drop a cache) and
     * completes with their results in runtime order. Not subject to the queue bound, so it works
     * while the pool is saturated.
     */
    public CompletableFuture<List<Object>> callAll(String function, Object... args) {
        Objects.requireNonNull(function, "function");
        if (closed) throw new RejectedExecutionException("the pool is closed");
        List<CompletableFuture<Object>> each = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.alive()) {
                slot.unfinished.incrementAndGet();
                each.add(slot.run(function, args));
            }
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Picks the live runtime with the fewest unfinished requests and counts the new request in,
     * atomically with respect to other callers (a compare-and-set on that runtime's counter).
     */
    private Slot reserve() {
        while (true) {
            Slot best = null;
            int bestLoad = Integer.MAX_VALUE;
            int total = 0;
            int live = 0;
            for (Slot slot : slots) {
                if (!slot.alive()) continue;
                int load = slot.unfinished.get();
                live++;
                total += load;
                if (load < bestLoad) {
                    best = slot;
                    bestLoad = load;
                }
            }
            if (best == null) {
                throw new RejectedExecutionException("no live runtime in the pool (all " + slots.size()
                        + " runtimes have closed; see their console for the error that ended them)");
            }
            if (bestLoad >= maxQueued) {
                throw new RejectedExecutionException("pool saturated: " + total + " requests queued on " + live
                        + " runtimes; raise maxQueued or add runtimes");
            }
            if (best.unfinished.compareAndSet(bestLoad, bestLoad + 1)) {
                return best;
            }
            // Another caller took that place first: look again.
        }
    }

    /** How many runtimes the pool was built with. */
    public int size() {
        return slots.size();
    }

    /** Unfinished requests per runtime, in runtime order (a snapshot, for metrics and tests). */
    public List<Integer> load() {
        return slots.stream().map(s -> s.unfinished.get()).toList();
    }

    /** The bound on unfinished requests per runtime. */
    public int maxQueued() {
        return maxQueued;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops taking requests, fails the unfinished ones with {@link PoolClosedException} and closes
     * every runtime ("make disappear": open WebSockets close with 1001, timers are dropped). Returns
     * when every runtime has closed. Idempotent.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Slot slot : slots) slot.failUnfinished(new PoolClosedException("the pool closed before the request finished"));
        // Closing one runtime waits for its loop thread; close them side by side.
        List<Thread> closers = new ArrayList<>();
        for (Slot slot : slots) closers.add(Thread.ofVirtual().start(slot.runtime::close));
        for (Thread t : closers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A request failed because the pool closed first. */
    public static final class PoolClosedException extends IllegalStateException {
        public PoolClosedException(String message) {
            super(message);
        }
    }

    /** Options of a {@link RuntimePool}. Not thread safe. */
    public static final class Builder {
        private int size = Runtime.getRuntime().availableProcessors();
        private int maxQueued = 64;
        private Consumer<WsjsRuntime.Builder> runtimeOptions = b -> {};
        private final List<Consumer<WsjsRuntime>> initializers = new ArrayList<>();

        private Builder() {}

        /** The number of runtimes (default: available processors). */
        public Builder size(int size) {
            if (size < 1) throw new IllegalArgumentException("a pool needs at least one runtime, not " + size);
            this.size = size;
            return this;
        }

        /** The most unfinished requests one runtime may have; past it on every runtime, requests are rejected (default 64). */
        public Builder maxQueued(int maxQueued) {
            if (maxQueued < 1) throw new IllegalArgumentException("maxQueued must be at least 1, not " + maxQueued);
            this.maxQueued = maxQueued;
            return this;
        }

        /** Configures each runtime's builder (location, console, error handler, WebSocket settings …). */
        public Builder runtimeOptions(Consumer<WsjsRuntime.Builder> options) {
            this.runtimeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Runs {@code init} once for each started runtime, in the order added, before the pool takes
         * requests; it may block (e.g. {@code rt.evalAsync(code).join()}). An exception fails {@link #build()}.
         * Initializers of different runtimes run at the same time on different threads.
         */
        public Builder initializer(Consumer<WsjsRuntime> init) {
            initializers.add(Objects.requireNonNull(init, "init"));
            return this;
        }

        /** Evaluates {@code code} as a classic script in every runtime, awaiting the promise it may return. */
        public Builder script(String code, String name) {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            // A trailing sourceURL names the script in stack traces, as browsers do.
            String named = code + "\n//# sourceURL=" + name;
            return initializer(rt -> rt.evalAsync(named).join());
        }

        /** Evaluates the script file in every runtime (see {@link #script(String, String)}). */
        public Builder scriptFile(Path file) {
            String code;
            try {
                code = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return script(code, file.getFileName().toString());
        }

        /**
         * Calls {@code function(args…)} {@code times} times in every runtime before the pool takes
         * requests, so the first real requests run compiled code instead of warming it up.
         */
        public Builder warmUp(int times, String function, Object... args) {
            Objects.requireNonNull(function, "function");
            Object[] copy = args.clone();
            return initializer(rt -> {
                for (int i = 0; i < times; i++) rt.call(function, copy).join();
            });
        }

        /**
         * Starts the runtimes and runs the initializers. If one fails, every runtime is closed and
         * the failure is thrown (a {@link ScriptException} for a JS error).
         */
        public RuntimePool build() {
            List<Slot> slots = new ArrayList<>();
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            List<Consumer<WsjsRuntime>> inits = List.copyOf(initializers);
            try {
                for (int i = 0; i < size; i++) {
                    WsjsRuntime.Builder b = WsjsRuntime.builder();
                    runtimeOptions.accept(b);
                    Slot slot = new Slot(b.start());
                    slots.add(slot);
                    ready.add(CompletableFuture.runAsync(() -> inits.forEach(init -> init.accept(slot.runtime)),
                            command -> Thread.ofVirtual().name("wsjs-pool-init").start(command)));
                }
                CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get();
            } catch (RuntimeException | ExecutionException | InterruptedException e) {
                slots.forEach(s -> s.runtime.close());
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                Throwable cause = e;
                while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof RuntimeException re) throw re;
                throw new IllegalStateException("the pool could not start: " + cause, cause);
            }
            return new RuntimePool(slots, maxQueued);
        }
    }
}
