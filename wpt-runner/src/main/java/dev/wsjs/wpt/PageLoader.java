package dev.wsjs.wpt;

import dev.wsjs.WsjsRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Runs a {@link PagePlan} in a runtime. All of a page's scripts run inside ONE task, as the
 * scripts of a page parsed in one go would: testharness.js in a shell global decides that "the page
 * has loaded" in a microtask, so no microtask checkpoint may fall between two scripts of the page.
 * Each script is still evaluated on its own, so an exception in one is reported (the global error
 * event) and the next one runs, as in a browser.
 *
 * <p>Reachable from JavaScript only as an argument of the runner's own prelude function. Invoked only
 * by the test's loop thread.
 */
public final class PageLoader {

    private static final String PRELUDE = resource("prelude.js");
    private static final String REPORT = resource("report.js");

    private final WsjsRuntime runtime;
    private final PagePlan plan;
    private final ResourceFetcher fetcher;
    private final HarnessResults results;
    private final double timeoutMultiplier;
    private final Consumer<String> diagnostics;
    private volatile Context context;
    private Value harnessTimeout;
    private volatile boolean cancelled;

    PageLoader(WsjsRuntime runtime, PagePlan plan, ResourceFetcher fetcher, HarnessResults results,
               double timeoutMultiplier, Consumer<String> diagnostics) {
        this.runtime = runtime;
        this.plan = plan;
        this.fetcher = fetcher;
        this.results = results;
        this.timeoutMultiplier = timeoutMultiplier;
        this.diagnostics = diagnostics;
    }

    /** Installs the prelude, then runs the page's steps; returns when the page's one task is over. */
    void run() {
        // The context itself (Context.getCurrent() gives a view that cannot be closed) lets the
        // watchdog cancel a script that never yields.
        java.util.concurrent.CompletableFuture<Context> own = runtime.submit(ctx -> ctx);
        runtime.runUntil(own::isDone, java.time.Duration.ofSeconds(5));
        context = own.getNow(null);
        Value entry = runtime.eval("(function (loader) { loader.load(); })", "wpt-runner:page.js");
        if (entry != null) entry.executeVoid(this);
    }

    /** The page's task: the prelude and every step, in order. */
    @HostAccess.Export
    public void load() {
        Value prelude = runtime.eval(PRELUDE, "wpt-runner:prelude.js");
        if (prelude == null) return;
        prelude.executeVoid(this, Json.compact(settings()));
        for (PagePlan.Step step : plan.steps()) {
            if (cancelled) return;
            switch (step) {
                case PagePlan.Inline inline -> runtime.eval(inline.source(), "wpt-runner:" + inline.name());
                case PagePlan.Report ignored -> installReport();
                case PagePlan.Remote remote -> runRemote(remote.url());
                case PagePlan.HtmlDocument document -> runHtml(document.url());
            }
        }
    }

    /** Runs a script from the server; a script that fails to load is reported, and the page goes on. */
    private void runRemote(URI url) {
        String text;
        try {
            text = fetcher.fetchText(url);
        } catch (IOException e) {
            // A <script src> that fails to load only fires an error event at the element; the page goes on.
            diagnostics.accept("could not load " + url + ": " + e.getMessage());
            return;
        }
        runtime.eval(text, url.toString());
    }

    /**
     * Runs the scripts of a testharness {@code .html} page in document order. Its title becomes
     * {@code META_TITLE}, which testharness.js reads for a single-test page when there is no document;
     * the report script goes in right after testharness.js, in place of testharnessreport.js.
     */
    private void runHtml(URI page) {
        HtmlPage html;
        try {
            html = HtmlPage.parse(fetcher.fetchText(page));
        } catch (IOException e) {
            diagnostics.accept("could not load the page " + page + ": " + e.getMessage());
            return;
        }
        html.title().ifPresent(title -> runtime.eval("self.META_TITLE = " + Json.compact(title) + ";\n", "wpt-runner:META_TITLE.js"));
        int inline = 0;
        for (HtmlPage.Script script : html.scripts()) {
            if (cancelled) return;
            if (!script.external()) {
                runtime.eval(script.text(), plan.href() + " (inline script " + ++inline + ")");
                continue;
            }
            URI url;
            try {
                url = page.resolve(PagePlan.uri(script.src()));
            } catch (IllegalArgumentException e) {
                diagnostics.accept("could not resolve <script src=" + script.src() + ">: " + e.getMessage());
                continue;
            }
            if (PagePlan.TESTHARNESS_REPORT.equals(url.getPath())) {
                if (!results.installed()) installReport();
                continue;
            }
            runRemote(url);
            if (PagePlan.TESTHARNESS.equals(url.getPath()) && !results.installed()) installReport();
        }
    }

    /** {@code importScripts} step 1: the absolute URL of {@code url} against the worker's location, or null. */
    @HostAccess.Export
    public String resolve(String url) {
        try {
            return plan.location().resolve(PagePlan.uri(url.strip())).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code importScripts} step 2 for one URL: fetches and runs the script in the global scope.
     * Returns null, or the message of a network error. An exception the script throws propagates to
     * the caller of {@code importScripts}, as the HTML Standard says.
     */
    @HostAccess.Export
    public String importScript(String url) {
        URI uri = PagePlan.uri(url);
        String text;
        try {
            text = fetcher.fetchText(uri);
        } catch (IOException e) {
            return "importScripts: " + e.getMessage();
        }
        context.eval(Source.newBuilder("js", text, url).buildLiteral());
        if (PagePlan.TESTHARNESS.equals(uri.getPath()) && !results.installed()) installReport();
        return null;
    }

    /**
     * The runner's resource {@code fetch}: a GET of {@code url} (absolute) from the server. Returns
     * {@code [status, body]}, or {@code [0, message]} on a network error; the prelude turns it into
     * a response-like object or a rejected promise.
     */
    @HostAccess.Export
    public java.util.List<Object> fetchResource(String url) {
        try {
            ResourceFetcher.Fetched r = fetcher.fetch(PagePlan.uri(url));
            return java.util.List.of(r.status(), r.text());
        } catch (IOException | IllegalArgumentException e) {
            return java.util.List.of(0, String.valueOf(e.getMessage()));
        }
    }

    private void installReport() {
        Value report = runtime.eval(REPORT, "wpt-runner:report.js");
        if (report == null) return;
        harnessTimeout = report.execute(results, timeoutMultiplier);
        results.markInstalled();
    }

    /** Tells testharness.js its time is up (it marks unfinished subtests TIMEOUT and completes). */
    void fireHarnessTimeout() {
        if (harnessTimeout != null && harnessTimeout.canExecute()) harnessTimeout.executeVoid();
    }

    /** Stops running further steps: the watchdog is cancelling the context. Any thread. */
    void cancel() {
        cancelled = true;
    }

    /** The context the page runs in, known once the page started; for the watchdog. */
    Context context() {
        return context;
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("worker", plan.worker());
        URI u = plan.location();
        Map<String, Object> loc = new LinkedHashMap<>();
        int port = u.getPort();
        boolean defaultPort = port == -1 || ("http".equals(u.getScheme()) && port == 80) || ("https".equals(u.getScheme()) && port == 443);
        String host = u.getHost() + (defaultPort ? "" : ":" + port);
        String search = u.getRawQuery() == null || u.getRawQuery().isEmpty() ? "" : "?" + u.getRawQuery();
        String hash = u.getRawFragment() == null || u.getRawFragment().isEmpty() ? "" : "#" + u.getRawFragment();
        loc.put("href", plan.href());
        loc.put("origin", u.getScheme() + "://" + host);
        loc.put("protocol", u.getScheme() + ":");
        loc.put("host", host);
        loc.put("hostname", u.getHost());
        loc.put("port", defaultPort ? "" : String.valueOf(port));
        loc.put("pathname", u.getRawPath());
        loc.put("search", search);
        loc.put("hash", hash);
        s.put("location", loc);
        return s;
    }

    private static String resource(String name) {
        try (InputStream in = PageLoader.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
