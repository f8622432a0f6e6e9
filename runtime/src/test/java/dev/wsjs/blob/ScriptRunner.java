package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.ConsoleSink;
import dev.wsjs.WsjsRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Value;

/**
 * A runtime owned by the test thread with its console captured: evaluates scripts, pumps the loop
 * until a condition holds, and reports what a script threw as "Name: message".
 */
public final class ScriptRunner implements AutoCloseable {

    public final WsjsRuntime runtime;
    /** Console lines as "LEVEL text", including uncaught-error reports. */
    public final List<String> console = new CopyOnWriteArrayList<>();

    public ScriptRunner() {
        this(WsjsRuntime.builder().location("http://127.0.0.1:8080/app/page.html?q=1#top"));
    }

    public ScriptRunner(WsjsRuntime.Builder builder) {
        runtime = builder.console((ConsoleSink.Level level, String text) -> console.add(level + " " + text)).build();
    }

    /**
     * Evaluates a script and returns its completion value as a string. The script runs as a block, so
     * its let/const/class declarations stay its own; share values through globalThis.
     */
    public String eval(String code) {
        Value v = runtime.eval("{\n" + code + "\n}", "test.js");
        if (v == null) throw new AssertionError("script threw; console: " + console);
        return v.isString() ? v.asString() : v.toString();
    }

    public void assertEval(String expected, String code) {
        assertEquals(expected, eval(code), code);
    }

    /** Runs statements and returns "Name: message" of what they threw, or "no exception". */
    public String error(String body) {
        return eval("(() => { try { " + body + "\n; return 'no exception'; } catch (e) { "
                + "return (e instanceof Error || e instanceof DOMException) ? e.name + ': ' + e.message : 'thrown ' + String(e); } })()");
    }

    /** Pumps the loop until the JS expression {@code condition} is true; fails after {@code seconds}. */
    public void runUntil(String condition, int seconds) {
        boolean done = runtime.runUntil(() -> runtime.eval(condition, "condition.js").asBoolean(), Duration.ofSeconds(seconds));
        assertTrue(done, "timed out waiting for " + condition + "; console: " + console);
    }

    /**
     * Evaluates {@code code}, whose value is a promise, pumps the loop until it settles and returns
     * the fulfillment value as a string, or "rejected Name: message".
     */
    public String await(String code) {
        runtime.eval("globalThis.__settled = undefined; Promise.resolve((() => { " + code + " })()).then("
                + "v => { globalThis.__settled = { v: String(v) }; },"
                + "e => { globalThis.__settled = { v: 'rejected ' + (e && e.name) + ': ' + (e && e.message) }; });", "await.js");
        runUntil("globalThis.__settled !== undefined", 10);
        return eval("globalThis.__settled.v");
    }

    @Override
    public void close() {
        runtime.close();
    }
}
