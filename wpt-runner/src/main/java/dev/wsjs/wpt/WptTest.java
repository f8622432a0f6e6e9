package dev.wsjs.wpt;

import java.util.Objects;

/**
 * One test URL: a test file in one global scope and one variant. Its identity is {@link #url()}, the
 * path and query a browser would load ({@code /websockets/Close-1000.any.html?default}); results and
 * expectations are keyed by it.
 *
 * @param file the test file's path from the WPT root, with a leading slash ({@code /websockets/Close-1000.any.js})
 * @param kind the file type
 * @param scope the global the test runs in
 * @param variant the {@code // META: variant=} value ({@code ?default}), or "" for none
 * @param meta the file's META directives
 */
record WptTest(String file, TestKind kind, GlobalScope scope, String variant, ScriptMetadata meta) {

    WptTest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(meta, "meta");
    }

    /** The test URL's path without the variant ({@code /websockets/Close-1000.any.worker.html}). */
    String path() {
        String stem = file.substring(0, file.length() - kind.suffix().length());
        return switch (kind) {
            case ANY -> stem + scope.anySuffix();
            case WORKER -> stem + ".worker.html";
            case WINDOW -> stem + ".window.html";
            case HTML -> file;
        };
    }

    /** The test's identity: path plus variant. */
    String url() {
        return path() + variant;
    }

    /**
     * The script a worker-scoped test runs as its worker global: the server-generated wrapper
     * {@code X.any.worker.js} (testharness.js, META scripts, the test, {@code done()}), or the
     * {@code .worker.js} file itself. Null for window tests.
     */
    String workerScriptPath() {
        if (kind == TestKind.WORKER) return file;
        if (kind == TestKind.ANY && scope == GlobalScope.DEDICATED_WORKER) {
            return file.substring(0, file.length() - ".js".length()) + ".worker.js";
        }
        return null;
    }

    /** The directory of the test file ({@code /websockets/constructor}), for summaries. */
    String directory() {
        int slash = file.lastIndexOf('/');
        return slash <= 0 ? "/" : file.substring(0, slash);
    }

    /**
     * A short name for the variant, used by {@code --variants} and in summaries: the query without
     * {@code ?}, each {@code wpt_flags=X} shortened to {@code X} ({@code ?wpt_flags=h2} is {@code h2},
     * {@code ?wss&wpt_flags=https} is {@code wss&https}); "" for a test without variants.
     */
    String variantName() {
        return variantName(variant);
    }

    static String variantName(String variant) {
        if (variant.isEmpty()) return "";
        String body = variant.substring(1);
        StringBuilder sb = new StringBuilder();
        for (String part : body.split("&")) {
            if (part.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append('&');
            sb.append(part.startsWith("wpt_flags=") ? part.substring("wpt_flags=".length()) : part);
        }
        return sb.toString();
    }

    /** Whether the variant or file name asks for a flag: {@code ?wpt_flags=h2} or {@code X.h2.any.js}. */
    boolean hasFlag(String flag) {
        if (!variant.isEmpty()) {
            for (String part : variant.substring(1).split("&")) {
                if (part.equals("wpt_flags=" + flag)) return true;
            }
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.contains("." + flag + ".");
    }

    /** {@code // META: timeout=long}: 60 s instead of 10 s. */
    boolean longTimeout() {
        return meta.longTimeout();
    }
}
