package dev.wsjs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.ConsoleSink;
import dev.wsjs.WsjsRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Value;

/**
 * A runtime owned by the test thread with its console captured, and helpers that evaluate JS and
 * compare results as strings. The layer tests of every area build on it.
 */
public class TestRuntime implements AutoCloseable {

    /** One console line with the level it was written at. */
    public record Line(ConsoleSink.Level level, String text) {
        @Override
        public String toString() {
            return level + " " + text;
        }
    }

    public final WsjsRuntime runtime;
    /** Console lines in order, including uncaught-error reports. */
    public final List<Line> lines = new CopyOnWriteArrayList<>();

    /** A runtime at location {@code http://127.0.0.1/}. */
    public TestRuntime() {
        this(WsjsRuntime.builder().location("http://127.0.0.1/"));
    }

    public TestRuntime(WsjsRuntime.Builder builder) {
        runtime = builder.console((level, text) -> lines.add(new Line(level, text))).build();
    }

    /** Console lines as "LEVEL text". */
    public List<String> console() {
        return lines.stream().map(Line::toString).toList();
    }

    /**
     * Makes the layer's private {@code internals} object visible to test scripts as {@code internals},
     * so tests can call the helpers other layers use (converters, dispatch, abort algorithms).
     */
    public TestRuntime withInternals() {
        try {
            java.lang.reflect.Field field = WsjsRuntime.class.getDeclaredField("internals");
            field.setAccessible(true);
            Value internals = (Value) field.get(runtime);
            runtime.eval("globalThis", "bindings.js").putMember("internals", internals);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return this;
    }

    /** Evaluates a script and returns its completion value as a string; fails if it threw. */
    public String eval(String code) {
        Value v = runtime.eval(code, "test.js");
        if (v == null) throw new AssertionError("script threw; console: " + lines);
        return v.isString() ? v.asString() : v.toString();
    }

    /** Evaluates {@code code} and asserts its completion value, converted to a string. */
    public void assertEval(String expected, String code) {
        assertEquals(expected, eval(code), code);
    }

    /** Runs {@code body} (statements) and returns "Name: message" of what it threw, or "no exception". */
    public String error(String body) {
        return eval("(() => { try { " + body + "\n; return 'no exception'; } catch (e) { "
                + "return (e instanceof Error || e instanceof DOMException) ? e.name + ': ' + e.message : 'thrown ' + String(e); } })()");
    }

    /** Pumps the loop until the JS expression {@code condition} is true; fails after {@code seconds}. */
    public void runUntil(String condition, int seconds) {
        boolean done = runtime.runUntil(() -> runtime.eval(condition, "condition.js").asBoolean(), Duration.ofSeconds(seconds));
        assertTrue(done, "timed out waiting for " + condition + "; console: " + lines);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
