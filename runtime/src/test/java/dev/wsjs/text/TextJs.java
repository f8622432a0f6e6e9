package dev.wsjs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsjs.testing.TestRuntime;

/** A test runtime for the URL and Encoding layers, with JS helpers for comparing many cases. */
final class TextJs extends TestRuntime {

    /** JS helpers every test script may use: check(failures, label, actual, expected). */
    private static final String PRELUDE = """
            var show = (v) => typeof v === "string" ? JSON.stringify(v) : String(v);
            var check = (failures, label, actual, expected) => {
              if (actual !== expected) failures.push(label + ": got " + show(actual) + ", expected " + show(expected));
            };
            var attempt = (fn) => { try { return fn(); } catch (e) { return e.name + ": " + e.message; } };
            var codeUnits = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16)).join(" ");
            """;

    TextJs() {
        runtime.eval(PRELUDE, "prelude.js");
    }

    @Override
    public TextJs withInternals() {
        super.withInternals();
        return this;
    }

    /**
     * Runs {@code body} with a {@code failures} array in scope (statements that push descriptions
     * of mismatches, usually through {@code check}) and asserts that it stays empty.
     */
    void assertNoFailures(String body) {
        String result = eval("(() => { const failures = [];\n" + body + "\n; return failures.join('\\n'); })()");
        assertEquals("", result, "mismatches:\n" + result);
    }
}
