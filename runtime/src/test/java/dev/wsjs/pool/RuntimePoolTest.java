package dev.wsjs.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.ScriptException;
import dev.wsjs.server.Handler;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RuntimePoolTest {

    /** Requests that stay unfinished until the test calls release() on every runtime. */
    private static final String HOLD = """
            globalThis.held = [];
            globalThis.hold = (tag) => new Promise((resolve) => held.push(() => resolve(tag)));
            globalThis.release = () => { const n = held.length; held.splice(0).forEach((f) => f()); return n; };
            """;

    private static RuntimePool.Builder numbered(int size, AtomicInteger ids) {
        return RuntimePool.builder().size(size)
                .initializer(rt -> rt.evalAsync("globalThis.runtimeId = " + ids.getAndIncrement()).join())
                .script(HOLD, "hold.js");
    }

    @Test
    void manyThreadsRenderingAtOnceGetTheirOwnPagesFromEveryRuntime() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        try (RuntimePool pool = numbered(3, ids)
                .script("globalThis.render = async (who, n) => { await null; return `<p>${who}#${n}</p>@${runtimeId}`; }", "render.js")
                .warmUp(20, "render", "warm", 0)
                .maxQueued(1_000)
                .build()) {
            int threads = 12;
            int perThread = 150;
            Map<Integer, AtomicInteger> servedBy = new ConcurrentHashMap<>();
            List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String who = "t" + t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        List<CompletableFuture<String>> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) mine.add(pool.render("render", who, i));
                        for (int i = 0; i < perThread; i++) {
                            String page = mine.get(i).get(60, TimeUnit.SECONDS);
                            String expected = "<p>" + who + "#" + i + "</p>@";
                            if (!page.startsWith(expected)) wrong.add(expected + " != " + page);
                            int runtime = Integer.parseInt(page.substring(expected.length()));
                            servedBy.computeIfAbsent(runtime, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        wrong.add(e.toString());
                    }
                }));
            }
            go.countDown();
            for (Thread w : workers) w.join();
            assertEquals(List.of(), wrong);
            assertEquals(threads * perThread, servedBy.values().stream().mapToInt(AtomicInteger::get).sum());
            assertEquals(3, servedBy.size(), "every runtime served requests: " + servedBy);
            assertEquals(List.of(0, 0, 0), pool.load());
        }
    }

    @Test
    void requestsGoToTheRuntimeWithTheFewestUnfinishedOnes() throws Exception {
        try (RuntimePool pool = numbered(2, new AtomicInteger()).build()) {
            List<CompletableFuture<Object>> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) held.add(pool.call("hold", i));
            // 5 requests on 2 runtimes: one has 3, the other 2, whatever order the CASes went in.
            assertEquals(5, pool.load().stream().mapToInt(Integer::intValue).sum());
            assertTrue(pool.load().containsAll(List.of(3, 2)), pool.load().toString());
            // Each runtime received exactly the requests the pool counted for it (as soon as the loop ran them).
            List<Object> released = pool.callAll("release").get(30, TimeUnit.SECONDS);
            assertEquals(5, released.stream().mapToInt(n -> (Integer) n).sum(), released.toString());
            assertTrue(released.containsAll(List.of(3, 2)), released.toString());
            for (int i = 0; i < 5; i++) assertEquals(i, held.get(i).get(30, TimeUnit.SECONDS));
            assertEquals(List.of(0, 0), pool.load());
        }
    }

    @Test
    void aSaturatedPoolRejectsAtOnceWithTheNumbersAndRecoversWhenRequestsFinish() throws Exception {
        try (RuntimePool pool = numbered(2, new AtomicInteger()).maxQueued(3).build()) {
            List<CompletableFuture<Object>> held = new ArrayList<>();
            for (int i = 0; i < 6; i++) held.add(pool.call("hold", i));
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> pool.render("hold", 6));
            assertEquals("pool saturated: 6 requests queued on 2 runtimes; raise maxQueued or add runtimes", e.getMessage());
            assertThrows(RejectedExecutionException.class, () -> pool.call("hold", 7));
            assertEquals(List.of(3, 3), pool.load());

            pool.callAll("release").get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 6; i++) assertEquals(i, held.get(i).get(30, TimeUnit.SECONDS));
            CompletableFuture<Object> again = pool.call("hold", 8);
            pool.callAll("release").get(30, TimeUnit.SECONDS);
            assertEquals(8, again.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void closeFailsUnfinishedRequestsAndEveryRuntimesSocketClosesWith1001() throws Exception {
        BlockingQueue<String> closes = new LinkedBlockingQueue<>();
        AtomicInteger opened = new AtomicInteger();
        Handler watch = new Handler() {
            @Override public void onOpen(Session session, dev.wsjs.server.UpgradeRequest request) {
                opened.incrementAndGet();
            }

            @Override public void onClose(Session session, int code, String reason, boolean wasClean) {
                closes.add(code + " clean=" + wasClean);
            }
        };
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().route("/watch", watch).start()) {
            RuntimePool pool = numbered(3, new AtomicInteger())
                    .runtimeOptions(b -> b.location("http://127.0.0.1:" + server.port() + "/app"))
                    .script("""
                            new Promise((resolve, reject) => {
                              globalThis.feed = new WebSocket("/watch");
                              feed.onopen = resolve;
                              feed.onerror = () => reject(new Error("feed failed"));
                            })""", "subscribe.js")
                    .build();
            assertEquals(3, opened.get());
            List<CompletableFuture<String>> unfinished = new ArrayList<>();
            for (int i = 0; i < 4; i++) unfinished.add(pool.render("hold", "x"));

            pool.close();

            for (CompletableFuture<String> f : unfinished) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertInstanceOf(RuntimePool.PoolClosedException.class, e.getCause());
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("1001 clean=true", closes.poll(20, TimeUnit.SECONDS), "close #" + i);
            }
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> pool.render("hold", "late"));
            assertEquals("the pool is closed", e.getMessage());
            assertTrue(pool.isClosed());
            pool.close(); // idempotent
        }
    }

    @Test
    void aRuntimeThatEndsFailsItsRequestsAndTheOthersKeepServing() throws Exception {
        try (RuntimePool pool = numbered(2, new AtomicInteger())
                .script("globalThis.quit = () => wsjs.exit(3); globalThis.ping = () => 'pong@' + runtimeId;", "quit.js")
                .build()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.call("quit").get(30, TimeUnit.SECONDS));
            assertInstanceOf(RuntimePool.PoolClosedException.class, e.getCause(), String.valueOf(e.getCause()));
            String survivor = null;
            for (int i = 0; i < 10; i++) {
                String page = pool.render("ping").get(30, TimeUnit.SECONDS);
                if (survivor == null) survivor = page;
                assertEquals(survivor, page, "only the live runtime answers");
            }
            assertEquals(List.of(0, 0), pool.load(), "no request left counted on either runtime");
        }
    }

    @Test
    void aRenderFunctionThatReturnsNoStringFailsWithAClearMessage() throws Exception {
        try (RuntimePool pool = RuntimePool.builder().size(1)
                .script("globalThis.render = () => ({ html: 1 }); globalThis.boom = () => { throw new RangeError('bad page'); }", "r.js")
                .build()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.render("render").get(30, TimeUnit.SECONDS));
            assertInstanceOf(ScriptException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("render() must return a string"), e.getCause().getMessage());
            e = assertThrows(ExecutionException.class, () -> pool.render("boom").get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("RangeError: bad page"), e.getCause().getMessage());
            assertEquals(List.of(0), pool.load());
        }
    }

    @Test
    void aFailingInitializerFailsBuildWithTheScriptError() {
        ScriptException e = assertThrows(ScriptException.class, () -> RuntimePool.builder().size(2)
                .script("throw new SyntaxError('app did not load')", "app.js").build());
        assertTrue(e.getMessage().contains("app did not load"), e.getMessage());
    }
}
