package dev.wsjs.wpt;

/** The test file types: JavaScript files WPT wraps into test pages, by file name suffix, and HTML pages. */
enum TestKind {
    /** {@code X.any.js}: one test URL per global scope in {@code // META: global=}. */
    ANY(".any.js"),
    /** {@code X.worker.js}: a dedicated worker script that imports testharness.js itself; URL {@code X.worker.html}. */
    WORKER(".worker.js"),
    /** {@code X.window.js}: a window-only test; URL {@code X.window.html}. */
    WINDOW(".window.js"),
    /**
     * A testharness page written as HTML ({@code X.html}): its URL is the file itself. Only files that
     * load testharness.js are tests, which {@link #of} cannot tell from the name; discovery decides.
     */
    HTML(".html");

    private final String suffix;

    TestKind(String suffix) {
        this.suffix = suffix;
    }

    String suffix() {
        return suffix;
    }

    /** The kind of a file name, or null if WPT does not wrap such a file into a test. */
    static TestKind of(String fileName) {
        // ".any.worker.js" is the URL of a generated worker script, never a file of its own.
        if (fileName.endsWith(".any.worker.js")) return null;
        for (TestKind k : values()) {
            if (k != HTML && fileName.endsWith(k.suffix)) return k;
        }
        return null;
    }
}
