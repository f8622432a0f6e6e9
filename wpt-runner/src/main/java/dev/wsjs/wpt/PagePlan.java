package dev.wsjs.wpt;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripts of one test page, in page order, as the server's wrapper page would list them.
 *
 * <p>A window test ({@code X.any.html}, {@code X.window.html}) runs testharness.js, the runner's report
 * script in place of testharnessreport.js, the {@code // META: script=} dependencies and the test file,
 * all fetched from the server. A worker test runs one script: the server-generated worker wrapper
 * ({@code X.any.worker.js?variant}) or the {@code .worker.js} file itself, which import testharness.js
 * and their dependencies with {@code importScripts}. A testharness {@code .html} page lists its own
 * scripts, which the runner reads from the page as served ({@link HtmlDocument}).
 *
 * @param href the URL the global sees as {@code location}: the page, or for a worker the worker script,
 *             spelled as a browser shows it (a variant such as {@code ?exclude=(file|javascript)} keeps its
 *             {@code |}, which the URL Standard leaves unescaped in a query)
 * @param location {@code href} as a {@link URI}, for resolving and fetching: the characters
 *                 {@code java.net.URI} refuses are percent-encoded, as a browser does on the wire
 * @param worker whether the global plays a dedicated worker (has {@code importScripts}, no {@code window})
 * @param steps what to run, in order
 */
record PagePlan(String href, URI location, boolean worker, List<Step> steps) {

    /** The path of the harness; importing it in a worker installs the report script right after. */
    static final String TESTHARNESS = "/resources/testharness.js";

    /** One step of a page. */
    sealed interface Step {}

    /** A script the runner writes itself (e.g. the {@code GLOBAL} object of {@code .any.html} pages). */
    record Inline(String name, String source) implements Step {}

    /** A script fetched from the server. */
    record Remote(URI url) implements Step {}

    /** The runner's report script. */
    record Report() implements Step {}

    /**
     * A testharness {@code .html} page: fetched from the server (which fills in {@code .sub.html}
     * pages), then its scripts run in document order, the runner's report script standing in for
     * testharnessreport.js.
     */
    record HtmlDocument(URI url) implements Step {}

    /** The path of the report script a page loads after testharness.js; the runner's replaces it. */
    static final String TESTHARNESS_REPORT = "/resources/testharnessreport.js";

    PagePlan {
        steps = List.copyOf(steps);
    }

    /**
     * {@code url} as a {@link URI}. ASCII characters that RFC 2396 excludes (space, {@code " < > \\ ^ `
     * { | }} and controls) are percent-encoded; a {@code #} after the first one is too. The URL Standard
     * leaves some of them unescaped (e.g. {@code |} in a query), so WPT variants contain them.
     */
    static URI uri(String url) {
        StringBuilder b = new StringBuilder(url.length() + 8);
        boolean inFragment = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean excluded = c <= 0x20 || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0 || (c == '#' && inFragment);
            if (c == '#') inFragment = true;
            if (excluded) {
                b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                b.append(c);
            }
        }
        return URI.create(b.toString());
    }

    private static final String HEX = "0123456789ABCDEF";

    static PagePlan of(WptTest test, ServerConfig server) {
        String origin = server.pageOrigin(test);
        String workerScript = test.workerScriptPath();
        if (workerScript != null) {
            String href = origin + workerScript + test.variant();
            URI location = uri(href);
            return new PagePlan(href, location, true, List.of(new Remote(location)));
        }
        String href = origin + test.url();
        URI page = uri(href);
        if (test.kind() == TestKind.HTML) {
            return new PagePlan(href, page, false, List.of(new HtmlDocument(page)));
        }
        List<Step> steps = new ArrayList<>();
        if (test.kind() == TestKind.ANY) {
            steps.add(new Inline("GLOBAL.js", """
                    self.GLOBAL = {
                      isWindow: function () { return true; },
                      isWorker: function () { return false; },
                      isShadowRealm: function () { return false; },
                    };
                    """));
        }
        // The page puts the title into <title>; without a document testharness.js reads META_TITLE,
        // which is where the worker wrapper puts it too.
        test.meta().title().ifPresent(title ->
                steps.add(new Inline("META_TITLE.js", "self.META_TITLE = " + Json.compact(title) + ";\n")));
        steps.add(new Remote(page.resolve(TESTHARNESS)));
        steps.add(new Report());
        for (String script : test.meta().scripts()) {
            steps.add(new Remote(page.resolve(script)));
        }
        steps.add(new Remote(page.resolve(test.file())));
        return new PagePlan(href, page, false, steps);
    }
}
