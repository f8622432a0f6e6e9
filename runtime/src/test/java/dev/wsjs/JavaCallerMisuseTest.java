package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input from Java callers: each gets an exception that names what was wrong and what to do,
 * and the runtime keeps working where that makes sense.
 */
class JavaCallerMisuseTest {

    private static WsjsRuntime quiet() {
        return WsjsRuntime.builder().console((level, text) -> {}).build();
    }

    private static <T extends Throwable> String messageOf(Class<T> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static void assertMentions(String message, String... words) {
        for (String w : words) assertTrue(message != null && message.contains(w), "'" + message + "' should mention '" + w + "'");
    }

    // ------------------------------------------------------------------ builder

    @Test
    void anInvalidLocationNamesTheLocation() {
        assertMentions(messageOf(IllegalArgumentException.class, () -> WsjsRuntime.builder().location("not a url").build()),
                "location 'not a url'", "absolute URL");
        assertMentions(messageOf(IllegalArgumentException.class, () -> WsjsRuntime.builder().location("http://").start()),
                "location 'http://'");
    }

    @Test
    void nullBuilderArgumentsAreNamed() {
        WsjsRuntime.Builder b = WsjsRuntime.builder();
        assertMentions(messageOf(NullPointerException.class, () -> b.args(null)), "args", "List.of()");
        assertMentions(messageOf(NullPointerException.class, () -> b.args(Arrays.asList("a", null))), "args[1]");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", null);
        assertMentions(messageOf(NullPointerException.class, () -> b.env(env)), "env", "HOME");
        assertMentions(messageOf(NullPointerException.class, () -> b.moduleRoot(null)), "directory");
        assertMentions(messageOf(NullPointerException.class, () -> b.trustedCertificates(null)), "PEM");
        assertMentions(messageOf(NullPointerException.class, () -> b.console(null)), "console");
        assertMentions(messageOf(NullPointerException.class, () -> b.httpClient(null)), "OkHttpClient");
        assertMentions(messageOf(IllegalArgumentException.class, () -> b.moduleRoot(Path.of("/no/such/dir"))), "not a directory");
        // The builder is still usable after refusing those.
        try (WsjsRuntime rt = b.console((level, text) -> {}).build()) {
            assertEquals(2, rt.eval("1 + 1").asInt());
        }
    }

    // ------------------------------------------------------------------ evaluation

    @Test
    void nullScriptsAreNamedAndTheRuntimeGoesOn() {
        try (WsjsRuntime rt = quiet()) {
            assertMentions(messageOf(NullPointerException.class, () -> rt.eval(null)), "code");
            assertMentions(messageOf(NullPointerException.class, () -> rt.eval("1", null)), "name");
            assertMentions(messageOf(NullPointerException.class, () -> rt.evalFile(null)), "file");
            assertMentions(messageOf(NullPointerException.class, () -> rt.evalAsync(null)), "code");
            assertMentions(messageOf(NullPointerException.class, () -> rt.call(null)), "name");
            assertMentions(messageOf(NullPointerException.class, () -> rt.submit(null)), "work");
            assertMentions(messageOf(NullPointerException.class, () -> rt.signal(null)), "SIGINT");
            assertMentions(messageOf(NullPointerException.class, () -> rt.runOnce(null)), "maxWait");
            assertMentions(messageOf(NullPointerException.class, () -> rt.runUntil(null, Duration.ofSeconds(1))), "done");
            assertMentions(messageOf(NullPointerException.class, () -> rt.runUntil(() -> true, null)), "timeout");
            assertEquals(3, rt.eval("1 + 2").asInt());
        }
    }

    @Test
    void callingSomethingThatIsNotAFunctionFailsTheFutureWithItsName() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start()) {
            rt.evalAsync("globalThis.notAFunction = 42").get(30, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class, () -> rt.call("notAFunction").get(30, TimeUnit.SECONDS));
            assertMentions(e.getCause().getMessage(), "globalThis.notAFunction", "not a function");
            e = assertThrows(ExecutionException.class, () -> rt.call("missing").get(30, TimeUnit.SECONDS));
            assertMentions(e.getCause().getMessage(), "globalThis.missing");
            assertEquals(5, rt.evalAsync("2 + 3").get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnsupportedSignalIsRefused() {
        try (WsjsRuntime rt = quiet()) {
            assertMentions(messageOf(IllegalArgumentException.class, () -> rt.signal("SIGKILL")), "SIGKILL", "SIGINT", "SIGTERM");
        }
    }

    @Test
    void aModuleOutsideTheModuleRootIsRefused(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.mjs"), "globalThis.ran = true;");
        try (WsjsRuntime rt = WsjsRuntime.builder().moduleRoot(root).console((level, text) -> {}).build()) {
            assertMentions(messageOf(IllegalArgumentException.class, () -> rt.evalModule(elsewhere)), "outside the module root");
            assertEquals("undefined", rt.eval("typeof ran").asString());
        }
        try (WsjsRuntime rt = quiet()) {
            assertMentions(messageOf(IllegalStateException.class, () -> rt.evalModule(elsewhere)), "moduleRoot");
        }
    }

    // ------------------------------------------------------------------ threads

    @Test
    void everyPumpAndEvalFromTheWrongThreadIsRefusedAndTheRuntimeGoesOn(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("s.js"), "1");
        try (WsjsRuntime rt = WsjsRuntime.builder().moduleRoot(dir).console((level, text) -> {}).build()) {
            List<Executable> calls = List.of(
                    () -> rt.eval("1"),
                    () -> rt.evalFile(script),
                    () -> rt.evalModule(script),
                    () -> rt.runOnce(Duration.ZERO),
                    rt::runUntilIdle,
                    () -> rt.runUntil(() -> true, Duration.ofMillis(1)));
            List<String> messages = onAnotherThread(calls);
            assertEquals(calls.size(), messages.size());
            for (String m : messages) assertMentions(m, "loop thread", "submit(");
            assertEquals(2, rt.eval("1 + 1").asInt(), "the owner thread still uses it");
        }
    }

    @Test
    void aStartedRuntimeCannotBePumpedByItsCreator() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start()) {
            assertMentions(messageOf(IllegalStateException.class, () -> rt.eval("1")), "wsjs-loop-", "submit(");
            assertMentions(messageOf(IllegalStateException.class, rt::runUntilIdle), "loop thread");
            assertEquals(1, rt.evalAsync("1").get(30, TimeUnit.SECONDS));
        }
    }

    private static List<String> onAnotherThread(List<Executable> calls) throws InterruptedException {
        List<String> messages = new ArrayList<>();
        Thread t = Thread.ofPlatform().start(() -> {
            for (Executable call : calls) {
                try {
                    call.execute();
                    messages.add("no exception");
                } catch (IllegalStateException e) {
                    messages.add(e.getMessage());
                } catch (Throwable e) {
                    messages.add("unexpected " + e);
                }
            }
        });
        t.join();
        return messages;
    }

    // ------------------------------------------------------------------ closed runtime

    @Test
    void callsOnAClosedRuntimeSayItIsClosedAndWhy() throws Exception {
        WsjsRuntime rt = quiet();
        rt.eval("wsjs.exit(4)");
        assertTrue(rt.isClosed());
        assertMentions(messageOf(IllegalStateException.class, () -> rt.eval("1")), "closed", "exit(4)", "new WsjsRuntime");
        assertMentions(messageOf(IllegalStateException.class, () -> rt.evalFile(Path.of("x.js"))), "closed");
        for (CompletableFuture<?> f : List.of(rt.submit(ctx -> 1), rt.evalAsync("1"), rt.call("f"), rt.signal("SIGINT"))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
            assertMentions(e.getCause().getMessage(), "closed");
        }
        // Pumping a closed runtime returns at once (a script may close its runtime mid-pump).
        rt.runUntilIdle();
        assertFalse(rt.runOnce(Duration.ofMillis(10)));
        rt.close();
    }

    @Test
    void workPendingWhenTheRuntimeClosesFailsInsteadOfHanging() throws Exception {
        WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start();
        CompletableFuture<Object> neverSettles = rt.evalAsync("new Promise(() => {})");
        CompletableFuture<Object> awaitsATimer = rt.evalAsync("new Promise((r) => setTimeout(r, 60000))");
        assertEquals(1, rt.evalAsync("1").get(30, TimeUnit.SECONDS));
        rt.close();
        for (CompletableFuture<Object> f : List.of(neverSettles, awaitsATimer)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertMentions(e.getCause().getMessage(), "closed", "before this work completed");
        }
    }

    @Test
    void submitRacingCloseNeverLeavesAFutureHanging() throws Exception {
        for (int round = 0; round < 5; round++) {
            WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start();
            List<CompletableFuture<Integer>> futures = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread submitter = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 3000; i++) futures.add(rt.submit(ctx -> 1));
            });
            Thread.sleep(round);
            rt.close();
            submitter.join();
            for (CompletableFuture<Integer> f : futures) {
                try {
                    assertEquals(1, f.get(10, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertMentions(e.getCause().getMessage(), "closed");
                }
            }
        }
    }

    @Test
    void exceptionsThrownBySubmittedWorkReachTheFutureAndTheLoopGoesOn() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start()) {
            Consumer<String> boom = s -> { throw new IllegalArgumentException(s); };
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> rt.submit(ctx -> { boom.accept("bad input"); return 1; }).get(30, TimeUnit.SECONDS));
            assertEquals("bad input", e.getCause().getMessage());
            assertEquals(7, rt.evalAsync("3 + 4").get(30, TimeUnit.SECONDS));
        }
    }
}
