package dev.wsjs.pool;

import dev.wsjs.WsjsRuntime;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One runtime of a {@link RuntimePool} and the requests it has not finished. Thread safe.
 *
 * <p>{@link #unfinished} is raised by the pool before {@link #run} (so the choice of runtime and the
 * count move together) and lowered exactly once per request, just before its future completes —
 * with the runtime's answer, by {@link #failUnfinished} or because the runtime went away. Whoever
 * removes the request from {@link #pending} first finishes it; lowering the count first means a
 * caller that sees its result also sees the load without it.
 */
final class Slot {

    final WsjsRuntime runtime;
    final AtomicInteger unfinished = new AtomicInteger();
    private final Set<CompletableFuture<Object>> pending = ConcurrentHashMap.newKeySet();

    Slot(WsjsRuntime runtime) {
        this.runtime = runtime;
        // A runtime can end on its own (a script called wsjs.exit, an error handler exited): its
        // queued tasks are dropped then, so nothing else would ever complete their futures.
        runtime.closedFuture().thenRun(() -> failUnfinished(
                new RuntimePool.PoolClosedException("the runtime closed before the request finished")));
    }

    boolean alive() {
        return !runtime.isClosed();
    }

    /** Runs a request already counted in {@link #unfinished}. */
    CompletableFuture<Object> run(String function, Object[] args) {
        CompletableFuture<Object> request = new CompletableFuture<>();
        pending.add(request);
        runtime.call(function, args).whenComplete((result, error) -> finish(request, result, closedOr(error)));
        if (runtime.closedFuture().isDone()) {
            // Closed between the pool's choice and the call: the close callback may have run already.
            finish(request, null, new RuntimePool.PoolClosedException("the runtime closed before the request finished"));
        }
        return request;
    }

    /** A request the runtime dropped because it closed fails as the pool promises: PoolClosedException. */
    private Throwable closedOr(Throwable error) {
        if (error == null || !runtime.isClosed()) return error;
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof dev.wsjs.ScriptException) return error;
        RuntimeException closed = new RuntimePool.PoolClosedException("the runtime closed before the request finished");
        closed.initCause(cause);
        return closed;
    }

    void failUnfinished(RuntimeException why) {
        for (CompletableFuture<Object> request : pending) finish(request, null, why);
    }

    private void finish(CompletableFuture<Object> request, Object result, Throwable error) {
        if (!pending.remove(request)) return;
        unfinished.decrementAndGet();
        if (error != null) request.completeExceptionally(error);
        else request.complete(result);
    }
}
