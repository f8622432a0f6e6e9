package dev.wsjs.blob;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.testing.TestRuntime;

/**
 * A test runtime at a page URL with a query and fragment, whose scripts run as blocks (their
 * let/const/class declarations stay their own; share values through globalThis), and which can
 * await a promise.
 */
public final class ScriptRunner extends TestRuntime {

    public ScriptRunner() {
        this(WsjsRuntime.builder().location("http://127.0.0.1:8080/app/page.html?q=1#top"));
    }

    public ScriptRunner(WsjsRuntime.Builder builder) {
        super(builder);
    }

    @Override
    public String eval(String code) {
        return super.eval("{\n" + code + "\n}");
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
}
