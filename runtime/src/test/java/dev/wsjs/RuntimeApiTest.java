package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: pumping, submitting from other threads, closing, sandbox. */
class RuntimeApiTest {

    @Test
    void eightJavaThreadsSubmittingConcurrentlyAllRunOnTheLoopThread() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().start()) {
            rt.submit(ctx -> ctx.eval("js", "globalThis.count = 0")).get(10, TimeUnit.SECONDS);
            List<Thread> threads = new ArrayList<>();
            List<CompletableFuture<Object>> futures = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < 8; t++) {
                Thread th = Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 250; i++) {
                        futures.add(rt.evalAsync("++count"));
                    }
                });
                threads.add(th);
            }
            go.countDown();
            for (Thread th : threads) th.join();
            for (CompletableFuture<Object> f : futures) f.get(10, TimeUnit.SECONDS);
            assertEquals(2000, rt.evalAsync("count").get(10, TimeUnit.SECONDS));
            assertEquals(rt.loopThread().getName(), rt.submit(ctx -> Thread.currentThread().getName()).get());
        }
    }

    @Test
    void evalAsyncWaitsForPromisesAndConvertsResults() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().start()) {
            Object v = rt.evalAsync("new Promise(r => setTimeout(() => r({a: [1, 'x', true]}), 5))").get(10, TimeUnit.SECONDS);
            assertEquals(java.util.Map.of("a", List.of(1, "x", true)), v);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> rt.evalAsync("Promise.reject(new TypeError('nope'))").get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ScriptException);
            assertTrue(e.getCause().getMessage().contains("TypeError: nope"), e.getCause().getMessage());
            rt.evalAsync("globalThis.render = (req) => Promise.resolve('<p>' + req + '</p>')").get();
            assertEquals("<p>hi</p>", rt.call("render", "hi").get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void pumpingFromAnotherThreadIsRefusedWithAClearMessage() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().build()) {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    rt.eval("1");
                    thrown.complete(null);
                } catch (Throwable t) {
                    thrown.complete(t);
                }
            }).join();
            Throwable t = thrown.get();
            assertTrue(t instanceof IllegalStateException);
            assertTrue(t.getMessage().contains("loop thread"), t.getMessage());
            assertEquals(2, rt.eval("1 + 1").asInt(), "the runtime keeps working");
        }
    }

    @Test
    void closeDropsTimersIsIdempotentAndRefusesLaterWork() throws Exception {
        WsjsRuntime rt = WsjsRuntime.builder().start();
        rt.evalAsync("globalThis.fired = false; setTimeout(() => { fired = true; }, 200)").get();
        rt.close();
        rt.close();
        assertTrue(rt.isClosed());
        assertTrue(rt.closedFuture().isDone());
        ExecutionException e = assertThrows(ExecutionException.class, () -> rt.evalAsync("1").get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed"));
    }

    @Test
    void uncaughtErrorsReachTheHandlerAndTheLoopGoesOn() {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (WsjsRuntime rt = WsjsRuntime.builder().onUncaughtError((r, runtime) -> reports.add(r)).build()) {
            rt.eval("globalThis.after = false; setTimeout(() => { throw new RangeError('bad') }, 0); setTimeout(() => { after = true }, 5);");
            rt.runUntilIdle();
            assertEquals(1, reports.size(), reports.toString());
            assertTrue(reports.get(0).startsWith("Uncaught RangeError: bad"), reports.get(0));
            assertTrue(rt.eval("after").asBoolean());
        }
    }

    @Test
    void unhandledRejectionsAreReported() {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (WsjsRuntime rt = WsjsRuntime.builder().onUncaughtError((r, runtime) -> reports.add(r)).build()) {
            rt.eval("Promise.reject(new Error('lost')); const p = Promise.reject(1); p.catch(() => {});");
            rt.runUntilIdle();
            assertEquals(1, reports.size(), reports.toString());
            assertTrue(reports.get(0).startsWith("Uncaught (in promise) Error: lost"), reports.get(0));
        }
    }

    @Test
    void scriptsCannotReachJavaOrTheHost() {
        try (WsjsRuntime rt = WsjsRuntime.builder().build()) {
            assertEquals("undefined,undefined,undefined", rt.eval("[typeof Java, typeof Polyglot, typeof Graal].join()").asString());
            assertEquals("undefined", rt.eval("typeof load").asString());
            // The ops object is private to the layer: nothing on the global reaches it.
            assertFalse(rt.eval("Object.getOwnPropertyNames(globalThis).some(k => { try { const v = globalThis[k]; return v && typeof v === 'object' && 'runtime' in v && 'console' in v && typeof v.runtime.exit === 'function'; } catch { return false; } })").asBoolean());
        }
    }

    @Test
    void modulesCannotReadFilesOutsideTheirRoot(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("app"));
        Files.writeString(dir.resolve("secret.mjs"), "export const secret = 42;");
        Files.writeString(root.resolve("lib.mjs"), "export const ok = 'yes';");
        Files.writeString(root.resolve("main.mjs"), """
                import { ok } from './lib.mjs';
                globalThis.result = ok;
                try { await import('../secret.mjs'); globalThis.escaped = true; }
                catch (e) { globalThis.escaped = false; globalThis.why = String(e); }
                """);
        try (WsjsRuntime rt = WsjsRuntime.builder().moduleRoot(root).build()) {
            rt.evalModule(root.resolve("main.mjs"));
            rt.runUntilIdle();
            assertEquals("yes", rt.eval("result").asString());
            assertFalse(rt.eval("escaped").asBoolean(), rt.eval("String(globalThis.why)").asString());
        }
    }

    @Test
    void aSecondRuntimeOnTheSharedEngineIsCheap() {
        try (WsjsRuntime first = WsjsRuntime.builder().build()) {
            first.eval("1");
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (WsjsRuntime rt = WsjsRuntime.builder().build()) {
                rt.eval("1");
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        // A figure to read in the report, not a timed assertion.
        System.out.printf("wsjs: runtime creation on a shared engine: best of 5 = %.1f ms%n", best / 1e6);
    }

    @Test
    void anEngineOfItsOwnTakesCompilationOptionsAndRefusesUnknownOnes() {
        try (Engine engine = WsjsRuntime.newEngine(Map.of("engine.CompilerThreads", "1"));
             WsjsRuntime rt = WsjsRuntime.builder().engine(engine).build()) {
            assertEquals(3, rt.eval("[1, 2].reduce((a, b) => a + b)").asInt());
        }
        // The runtime tests run with the optimizing compiler, where compilation options are applied.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WsjsRuntime.newEngine(Map.of("engine.CompilerThreadz", "1")));
        assertTrue(e.getMessage().contains("CompilerThreadz"), e.getMessage());
    }

    @Test
    void runUntilReturnsWhenTheConditionHoldsOrTheTimeoutPasses() {
        try (WsjsRuntime rt = WsjsRuntime.builder().build()) {
            rt.eval("globalThis.done = false; setTimeout(() => { done = true }, 10); setTimeout(() => {}, 60000);");
            assertTrue(rt.runUntil(() -> rt.eval("done").asBoolean(), Duration.ofSeconds(10)));
            long t0 = System.nanoTime();
            assertFalse(rt.runUntil(() -> false, Duration.ofMillis(100)));
            assertTrue(System.nanoTime() - t0 >= 90_000_000L);
            assertNull(rt.eval("throw new Error('x')"), "a throwing script returns null after being reported");
        }
    }
}
