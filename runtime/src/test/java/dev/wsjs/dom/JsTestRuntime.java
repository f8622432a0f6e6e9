package dev.wsjs.dom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsjs.ConsoleSink;
import dev.wsjs.WsjsRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Value;

/**
 * A runtime owned by the test thread, with the console captured, and helpers that evaluate JS and
 * compare its result as a string. Evaluation errors surface as "Name: message" strings via {@link #error}.
 */
final class JsTestRuntime implements AutoCloseable {

    final WsjsRuntime runtime;
    /** Console lines as "LEVEL text", including uncaught-error reports. */
    final List<String> console = new CopyOnWriteArrayList<>();

    JsTestRuntime() {
        runtime = WsjsRuntime.builder()
                .location("http://127.0.0.1/")
                .console((ConsoleSink.Level level, String text) -> console.add(level + " " + text))
                .build();
    }

    /**
     * Makes the layer's private {@code internals} object visible to test scripts as {@code internals}, so
     * tests can call the helpers other layers use (converters, dispatch, abort algorithms).
     */
    JsTestRuntime withInternals() {
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

    /** Evaluates {@code code} (a script; its completion value is the result) and returns it as a string. */
    String eval(String code) {
        Value v = runtime.eval(code, "test.js");
        if (v == null) throw new AssertionError("script threw; console: " + console);
        return v.isString() ? v.asString() : v.toString();
    }

    /** Evaluates {@code code} and asserts its completion value, converted to a string. */
    void assertEval(String expected, String code) {
        assertEquals(expected, eval(code), code);
    }

    /** Runs {@code body} (statements) and returns "Name: message" of what it threw, or "no exception". */
    String error(String body) {
        return eval("(() => { try { " + body + "\n; return 'no exception'; } catch (e) { "
                + "return (e instanceof Error || e instanceof DOMException) ? e.name + ': ' + e.message : 'thrown ' + String(e); } })()");
    }

    /** Pumps the loop until {@code condition} (a JS expression) is true, at most {@code seconds}. */
    void runUntil(String condition, int seconds) {
        runtime.runUntil(() -> runtime.eval(condition, "condition.js").asBoolean(), Duration.ofSeconds(seconds));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
