package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.websocket.FailureCause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedder's limits: a per-task statement budget, interrupting a runaway script from Java,
 * and caps on open WebSockets and queued outgoing bytes (their script-visible side is also in
 * js-tests websockets/limits.js). Bounds are generous: the machine may be loaded.
 */
class RuntimeLimitsTest {

    private final List<String> uncaught = new CopyOnWriteArrayList<>();

    private WsjsRuntime.Builder quiet() {
        return WsjsRuntime.builder().console((level, text) -> {}).onUncaughtError((report, rt) -> uncaught.add(report));
    }

    // ------------------------------------------------------------------ statement limit

    @Test
    void aRunawayScriptOverTheStatementLimitIsStoppedAndTheRuntimeCloses() {
        WsjsRuntime rt = quiet().statementLimit(100_000).build();
        assertNull(rt.eval("while (true) {}"));
        assertTrue(rt.isClosed());
        assertEquals(1, uncaught.size(), uncaught.toString());
        assertTrue(uncaught.get(0).contains("more than 100000 statements"), uncaught.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.eval("1"));
        assertTrue(e.getMessage().contains("statement limit"), e.getMessage());
    }

    @Test
    void theStatementLimitIsPerTask() {
        try (WsjsRuntime rt = quiet().statementLimit(50_000).build()) {
            // Ten timer tasks of ~20,000 statements each: 200,000 in all, under the limit each time.
            rt.eval("""
                    globalThis.runs = 0;
                    const id = setInterval(() => {
                      let s = 0;
                      for (let i = 0; i < 10000; i++) { s += i; }
                      if (++runs === 10) clearInterval(id);
                    }, 0);""");
            rt.runUntilIdle();
            assertFalse(rt.isClosed(), uncaught.toString());
            assertEquals(10, rt.eval("runs").asInt());
            assertEquals(List.of(), uncaught);
        }
    }

    @Test
    void aTimerCallbackOverTheLimitClosesTheRuntimeAndFailsPendingWork() throws Exception {
        WsjsRuntime rt = quiet().statementLimit(100_000).start();
        CompletableFuture<Object> never = rt.evalAsync("new Promise(() => {})");
        rt.evalAsync("setTimeout(() => { for (;;) {} }, 10); 'armed'").get(30, TimeUnit.SECONDS);
        rt.closedFuture().get(30, TimeUnit.SECONDS);
        assertTrue(rt.isClosed());
        ExecutionException e = assertThrows(ExecutionException.class, () -> never.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("statement limit"), e.getCause().getMessage());
        assertTrue(uncaught.get(0).contains("statements in one task"), uncaught.toString());
    }

    @Test
    void anEvalAsyncOverTheLimitFailsItsFutureAndClosesTheRuntime() throws Exception {
        WsjsRuntime rt = quiet().statementLimit(100_000).start();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> rt.evalAsync("while (true) {}").get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ScriptException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("statements in one task"), e.getCause().getMessage());
        rt.closedFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void layerCodeDoesNotCountAgainstTheLimit() {
        // Dispatching an event runs the layer's listener machinery; only the listener's one
        // statement counts, so 2,000 dispatches fit in a budget of 10,000.
        try (WsjsRuntime rt = quiet().statementLimit(10_000).build()) {
            assertEquals(2000, rt.eval("""
                    const t = new EventTarget(); let n = 0;
                    t.addEventListener('x', () => n++);
                    for (let i = 0; i < 2000; i++) t.dispatchEvent(new Event('x'));
                    n""").asInt());
            assertFalse(rt.isClosed());
        }
    }

    @Test
    void statementLimitArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> WsjsRuntime.builder().statementLimit(-1));
        try (WsjsRuntime rt = quiet().statementLimit(0).build()) {
            assertEquals(499500, rt.eval("let s = 0; for (let i = 0; i < 1000; i++) s += i; s").asInt(), "0 = no limit");
        }
    }

    // ------------------------------------------------------------------ interrupt

    @Test
    void interruptStopsWhileTrueAndTheRuntimeStaysUsable() throws Exception {
        try (WsjsRuntime rt = quiet().start()) {
            rt.evalAsync("globalThis.ticks = 0; setInterval(() => ticks++, 5); 'ok'").get(30, TimeUnit.SECONDS);
            CompletableFuture<Object> runaway = rt.evalAsync("while (true) {}");
            Thread.sleep(300); // let it start spinning
            long t0 = System.nanoTime();
            assertTrue(rt.interrupt(Duration.ofSeconds(30)), "the script stopped");
            ExecutionException e = assertThrows(ExecutionException.class, () -> runaway.get(30, TimeUnit.SECONDS));
            long stoppedMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("wsjs: while(true){} stopped %d ms after interrupt()%n", stoppedMillis);
            assertTrue(e.getCause() instanceof ScriptException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().startsWith("Interrupted"), e.getCause().getMessage());
            // Usable afterwards: new work runs and the interval still ticks.
            assertEquals(2, rt.evalAsync("1 + 1").get(30, TimeUnit.SECONDS));
            int before = (Integer) rt.evalAsync("ticks").get(30, TimeUnit.SECONDS);
            assertEquals(true, rt.evalAsync("new Promise((r) => setTimeout(() => r(true), 50))").get(30, TimeUnit.SECONDS));
            assertTrue((Integer) rt.evalAsync("ticks").get(30, TimeUnit.SECONDS) > before, "timers go on");
            assertFalse(rt.isClosed());
        }
    }

    @Test
    void anInterruptedTimerCallbackIsReportedAndTheNextTimersRun() throws Exception {
        try (WsjsRuntime rt = quiet().build()) {
            rt.eval("globalThis.after = false; setTimeout(() => { for (;;) {} }, 0); setTimeout(() => { after = true; }, 20);");
            Thread interrupter = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                    rt.interrupt(Duration.ofSeconds(30));
                } catch (InterruptedException ignored) {
                    // the test ends
                }
            });
            assertTrue(rt.runUntil(() -> rt.eval("after").asBoolean(), Duration.ofSeconds(60)));
            interrupter.join();
            assertEquals(1, uncaught.size(), uncaught.toString());
            assertTrue(uncaught.get(0).startsWith("Interrupted: the script was stopped by WsjsRuntime.interrupt()"), uncaught.get(0));
        }
    }

    @Test
    void aScriptThatCatchesTheInterruptAndSpinsOnIsStoppedAnyway() throws Exception {
        try (WsjsRuntime rt = quiet().start()) {
            CompletableFuture<Object> f = rt.evalAsync("""
                    globalThis.caught = 0;
                    for (;;) { try { while (true) {} } catch (e) { caught++; while (true) {} } finally { for (;;) {} } }""");
            Thread.sleep(300);
            assertTrue(rt.interrupt(Duration.ofSeconds(30)));
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().startsWith("Interrupted"), e.getCause().getMessage());
            assertEquals(4, rt.evalAsync("2 + 2").get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void interruptWhenNothingRunsDoesNothing() throws Exception {
        try (WsjsRuntime rt = quiet().start()) {
            assertTrue(rt.interrupt(Duration.ofSeconds(5)));
            assertEquals(3, rt.evalAsync("1 + 2").get(30, TimeUnit.SECONDS));
            assertEquals(List.of(), uncaught);
        }
    }

    @Test
    void interruptOnTheLoopThreadIsRefused() {
        try (WsjsRuntime rt = quiet().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.interrupt(Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("other threads"), e.getMessage());
            assertThrows(NullPointerException.class, () -> rt.interrupt(null));
        }
    }

    @Test
    void closeFromAnotherThreadStopsARunawayScript() throws Exception {
        WsjsRuntime rt = quiet().start();
        CompletableFuture<Object> runaway = rt.evalAsync("while (true) {}");
        Thread.sleep(300);
        rt.close();
        assertTrue(rt.isClosed());
        assertTrue(rt.closedFuture().isDone());
        assertThrows(ExecutionException.class, () -> runaway.get(30, TimeUnit.SECONDS));
        rt.loopThread().join(30_000);
        assertFalse(rt.loopThread().isAlive(), "the loop thread ended");
    }

    // ------------------------------------------------------------------ WebSocket caps (Java side: diagnostics)

    @Test
    void aWebSocketOverTheOpenLimitIsReportedToDiagnostics() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        try (LocalWebSocketServer server = LocalWebSocketServer.start();
             WsjsRuntime rt = quiet().location("http://127.0.0.1:" + server.port() + "/")
                     .maxOpenWebSockets(1)
                     .webSocketDiagnostics(new WebSocketDiagnostics() {
                         @Override
                         public void onFailure(String url, FailureCause cause, String detail) {
                             failures.add(cause + " " + detail);
                         }
                     }).start()) {
            Object events = rt.evalAsync("""
                    new Promise((resolve) => {
                      const events = [];
                      const a = new WebSocket('/echo');
                      a.onopen = () => {
                        const b = new WebSocket('/echo');
                        b.onopen = () => events.push('b open');
                        b.onerror = () => events.push('b error');
                        b.onclose = (e) => { events.push('b close ' + e.code); a.close(); };
                      };
                      a.onclose = (e) => { events.push('a close ' + e.code); resolve(events); };
                    })""").get(60, TimeUnit.SECONDS);
            assertEquals(List.of("b error", "b close 1006", "a close 1005"), events);
            assertEquals(1, failures.size(), failures.toString());
            assertTrue(failures.get(0).startsWith("TOO_MANY_CONNECTIONS "), failures.get(0));
            assertTrue(failures.get(0).contains("maxOpenWebSockets"), failures.get(0));
        }
    }

    @Test
    void aSendOverTheQueuedBytesCapIsReportedAsBufferFull() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        try (LocalWebSocketServer server = LocalWebSocketServer.start();
             WsjsRuntime rt = quiet().location("http://127.0.0.1:" + server.port() + "/")
                     .maxQueuedOutgoingBytes(1024)
                     .webSocketDiagnostics(new WebSocketDiagnostics() {
                         @Override
                         public void onFailure(String url, FailureCause cause, String detail) {
                             failures.add(cause.name());
                         }
                     }).start()) {
            Object code = rt.evalAsync("""
                    new Promise((resolve) => {
                      const ws = new WebSocket('/echo');
                      ws.onopen = () => ws.send(new Uint8Array(2048));
                      ws.onclose = (e) => resolve(e.code);
                    })""").get(60, TimeUnit.SECONDS);
            assertEquals(1006, code);
            assertEquals(List.of("BUFFER_FULL"), failures);
        }
    }

    @Test
    void maxQueuedOutgoingBytesWinsOverTheSettingsObject() throws Exception {
        // Set in either order, the dedicated method decides.
        try (LocalWebSocketServer server = LocalWebSocketServer.start();
             WsjsRuntime rt = quiet().location("http://127.0.0.1:" + server.port() + "/")
                     .maxQueuedOutgoingBytes(1024)
                     .webSocketSettings(dev.wsjs.websocket.WebSocketSettings.defaults())
                     .start()) {
            Object code = rt.evalAsync("""
                    new Promise((resolve) => {
                      const ws = new WebSocket('/echo');
                      ws.onopen = () => ws.send('z'.repeat(4096));
                      ws.onclose = (e) => resolve(e.code);
                    })""").get(60, TimeUnit.SECONDS);
            assertEquals(1006, code);
        }
    }

    @Test
    void webSocketLimitArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> WsjsRuntime.builder().maxOpenWebSockets(0));
        assertThrows(IllegalArgumentException.class, () -> WsjsRuntime.builder().maxQueuedOutgoingBytes(-1));
    }
}
