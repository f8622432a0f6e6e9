package dev.wsjs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsjs.WsjsRuntime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Value;

/**
 * A runtime owned by the test thread for the URL and Encoding layers, with helpers that run JS
 * and compare results as strings.
 */
final class TextJs implements AutoCloseable {

    /** JS helpers every test script may use: check(failures, label, actual, expected). */
    private static final String PRELUDE = """
            var show = (v) => typeof v === "string" ? JSON.stringify(v) : String(v);
            var check = (failures, label, actual, expected) => {
              if (actual !== expected) failures.push(label + ": got " + show(actual) + ", expected " + show(expected));
            };
            var attempt = (fn) => { try { return fn(); } catch (e) { return e.name + ": " + e.message; } };
            var codeUnits = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16)).join(" ");
            """;

    final WsjsRuntime runtime;
    final List<String> console = new CopyOnWriteArrayList<>();

    TextJs() {
        runtime = WsjsRuntime.builder()
                .location("http://127.0.0.1/")
                .console((level, text) -> console.add(level + " " + text))
                .build();
        runtime.eval(PRELUDE, "prelude.js");
    }

    /** Makes the layers' private {@code internals} visible to test scripts as {@code internals}. */
    TextJs withInternals() {
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

    /** Evaluates a script and returns its completion value as a string. */
    String eval(String code) {
        Value v = runtime.eval(code, "test.js");
        if (v == null) throw new AssertionError("script threw; console: " + console);
        return v.isString() ? v.asString() : v.toString();
    }

    void assertEval(String expected, String code) {
        assertEquals(expected, eval(code), code);
    }

    /**
     * Runs {@code body} with a {@code failures} array in scope (statements that push descriptions
     * of mismatches, usually through {@code check}) and asserts that it stays empty.
     */
    void assertNoFailures(String body) {
        String result = eval("(() => { const failures = [];\n" + body + "\n; return failures.join('\\n'); })()");
        assertEquals("", result, "mismatches:\n" + result);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
