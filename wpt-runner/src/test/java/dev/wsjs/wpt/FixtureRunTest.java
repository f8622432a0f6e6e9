package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fixture tree (a miniature WPT checkout with a harness of the project's own) through the whole
 * runner against a real HTTP server on 127.0.0.1: discovery, page assembly, result collection, time
 * limits, the report and the expectations.
 */
@Timeout(120)
class FixtureRunTest {

    @TempDir
    static Path tmp;

    static FixtureServer server;
    static RunOutcome outcome;
    static Map<String, TestResult> byUrl;
    static String output;
    static Path report;
    static long elapsedMillis;

    @BeforeAll
    @Timeout(120)
    static void runFixtures() throws IOException {
        server = new FixtureServer(FixtureServer.fixtureRoot());
        report = tmp.resolve("report.json");
        Path expectations = tmp.resolve("expectations.json");
        Files.writeString(expectations, """
                {
                  "/fixture/fail.any.html": {"subtests": {"fails": "deliberate"}},
                  "/fixture/idle.any.html": {"fail": "never finishes"},
                  "/fixture/pass.any.html": {"fail": "stale: it passes now"}
                }
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long start = System.nanoTime();
        outcome = new WptRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8), false).run(
                RunOptions.builder(server.root)
                        .serverRunning(server.writeServeInfo(tmp))
                        .expectations(expectations)
                        .report(report)
                        .jobs(2)
                        // 5 s harness timeout (30 s for timeout=long): keeps the hang fixture short.
                        .timeoutMultiplier(0.5)
                        .build());
        elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        output = bytes.toString(StandardCharsets.UTF_8);
        byUrl = outcome.results().stream().collect(Collectors.toMap(TestResult::url, Function.identity()));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static TestResult result(String url) {
        TestResult r = byUrl.get(url);
        assertNotNull(r, () -> url + " was not run; ran " + byUrl.keySet());
        return r;
    }

    private static SubtestResult subtest(TestResult r, String name) {
        return r.subtests().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(r.url() + " has no subtest " + name + ": " + r.subtests()));
    }

    @Test
    void discoversEveryScopeAndVariant() {
        assertEquals(Set.of(
                "/fixture/everywhere.any.html", "/fixture/everywhere.any.worker.html",
                "/fixture/everywhere.any.sharedworker.html", "/fixture/everywhere.any.serviceworker.html",
                "/fixture/everywhere.any.shadowrealm.html",
                "/fixture/fail.any.html", "/fixture/hang.any.html", "/fixture/idle.any.html",
                "/fixture/meta.any.html?first", "/fixture/meta.any.html?second",
                "/fixture/needs-document.any.html", "/fixture/pass.any.html", "/fixture/pass.any.worker.html",
                "/fixture/resource-fetch.any.html?include=(a|b)", "/fixture/unref-timer.any.html",
                "/fixture/sub/plain.worker.html?v1", "/fixture/throws.any.html",
                "/fixture/page.html", "/fixture/html-page.html?one", "/fixture/html-page.html?two"), byUrl.keySet());
        assertEquals(List.of("/fixture/page.xhtml"), outcome.htmlTestsNotRun());
    }

    @Test
    void htmlPagesRunTheirScriptsInDocumentOrderWithTheirVariantsAndTitle() {
        assertTrue(result("/fixture/page.html").passed(), () -> result("/fixture/page.html").toString());
        for (String url : List.of("/fixture/html-page.html?one", "/fixture/html-page.html?two")) {
            TestResult r = result(url);
            assertEquals(TestStatus.OK, r.status(), () -> url + ": " + r.message() + " " + r.console());
            assertEquals(List.of("scripts run in document order", "An HTML page"),
                    r.subtests().stream().map(SubtestResult::name).toList(), url);
            assertTrue(r.passed(), () -> url + ": " + r.subtests() + " " + r.console());
        }
        assertEquals(0, server.requestsFor("/resources/testharnessreport.js"), "the runner's report stands in for it");
    }

    @Test
    void passingTestsReportEverySubtestWithTheMetaTitleAsDefaultName() {
        for (String url : List.of("/fixture/pass.any.html", "/fixture/pass.any.worker.html")) {
            TestResult r = result(url);
            assertEquals(TestStatus.OK, r.status(), url);
            assertEquals(List.of("sync test", "promise test", "Fixture that passes"),
                    r.subtests().stream().map(SubtestResult::name).toList(), url);
            assertTrue(r.passed(), () -> url + ": " + r.subtests());
        }
    }

    @Test
    void metaScriptsAreFetchedFromTheServerInOrderAndVariantsReachLocation() {
        for (String url : List.of("/fixture/meta.any.html?first", "/fixture/meta.any.html?second")) {
            TestResult r = result(url);
            assertTrue(r.passed(), () -> url + ": " + r.status() + " " + r.message() + " " + r.subtests() + " " + r.console());
            assertEquals(2, r.subtests().size());
        }
        assertEquals(0, server.requestsFor("/fixture/never-loaded.js"), "a META line after the block was used");
        assertTrue(server.requestsFor("/common/served.js") >= 1);
        assertTrue(server.requestsFor("/resources/testharness.js") >= 1);
    }

    @Test
    void failingSubtestKeepsItsMessage() {
        TestResult r = result("/fixture/fail.any.html");
        assertEquals(TestStatus.OK, r.status());
        assertEquals(SubtestStatus.PASS, subtest(r, "passes").status());
        SubtestResult fails = subtest(r, "fails");
        assertEquals(SubtestStatus.FAIL, fails.status());
        assertTrue(fails.message().contains("a deliberate failure"), fails.message());
    }

    @Test
    void aTestWithNothingLeftToRunEndsAsTimeoutWithoutWaiting() {
        TestResult r = result("/fixture/idle.any.html");
        assertEquals(TestStatus.TIMEOUT, r.status());
        assertEquals(SubtestStatus.TIMEOUT, subtest(r, "never finishes").status());
        assertEquals(SubtestStatus.PASS, subtest(r, "finishes").status());
        // It waits TestExecutor.IDLE_GRACE (1 s) for a task from a timer that does not keep the loop alive.
        assertTrue(r.durationMillis() < 3500, "waited " + r.durationMillis() + " ms for an idle test");
        assertNotNull(r.message());
        assertTrue(r.message().contains("nothing was left to run"), r.message());
    }

    @Test
    void aScriptThatNeverYieldsIsCancelledByTheWatchdog() {
        TestResult r = result("/fixture/hang.any.html");
        assertEquals(TestStatus.TIMEOUT, r.status());
        assertTrue(r.message().contains("cancelled"), r.message());
        // 5 s harness timeout + 3 s grace, with slack for a loaded machine.
        assertTrue(r.durationMillis() >= 5000 && r.durationMillis() < 20000, "took " + r.durationMillis() + " ms");
        assertEquals(SubtestStatus.PASS, subtest(r, "before the hang").status(), "results before the hang are kept");
    }

    @Test
    void anUncaughtTopLevelErrorIsAHarnessError() {
        TestResult r = result("/fixture/throws.any.html");
        assertEquals(TestStatus.ERROR, r.status());
        assertTrue(r.message().contains("thrown at the top level"), r.message());
    }

    @Test
    void aMissingBrowserApiIsAPreconditionFailureWithTheReason() {
        TestResult r = result("/fixture/needs-document.any.html");
        assertEquals(TestStatus.OK, r.status());
        SubtestResult uses = subtest(r, "uses document");
        assertEquals(SubtestStatus.PRECONDITION_FAILED, uses.status());
        assertTrue(uses.message().startsWith("needs a DOM document (document)"), uses.message());
        assertEquals(SubtestStatus.PASS, subtest(r, "does not").status());
    }

    @Test
    void variantWithCharactersUriRefusesRunsAndFetchLoadsTestResources() {
        TestResult r = result("/fixture/resource-fetch.any.html?include=(a|b)");
        assertTrue(r.passed(), r::toString);
        assertEquals(4, r.subtests().size(), r::toString);
        assertEquals(1, server.requestsFor("/fixture/resources/data.json"));
    }

    @Test
    void timersThatDoNotKeepTheLoopAliveStillFireWhileTheHarnessRuns() {
        TestResult r = result("/fixture/unref-timer.any.html");
        assertTrue(r.passed(), r::toString);
    }

    @Test
    void workerScopesRunWithImportScriptsAndOtherScopesAreReportedNotRun() {
        assertTrue(result("/fixture/everywhere.any.html").passed(), () -> result("/fixture/everywhere.any.html").toString());
        assertTrue(result("/fixture/everywhere.any.worker.html").passed(), () -> result("/fixture/everywhere.any.worker.html").toString());
        assertTrue(result("/fixture/sub/plain.worker.html?v1").passed(), () -> result("/fixture/sub/plain.worker.html?v1").toString());
        for (String scope : List.of("sharedworker", "serviceworker", "shadowrealm")) {
            TestResult r = result("/fixture/everywhere.any." + scope + ".html");
            assertEquals(TestStatus.PRECONDITION_FAILED, r.status());
            assertTrue(r.message().contains(scope), r.message());
        }
    }

    @Test
    void unexpectedResultsAreRegressionsAndUnexpectedPasses() {
        List<String> found = outcome.unexpected().stream()
                .map(u -> u.url() + "|" + u.subtest() + "|" + u.expected() + "|" + u.actual()).toList();
        assertTrue(found.contains("/fixture/pass.any.html|null|FAIL|OK"), found::toString);
        assertTrue(found.contains("/fixture/throws.any.html|null|OK|ERROR"), found::toString);
        assertTrue(found.contains("/fixture/hang.any.html|null|OK|TIMEOUT"), found::toString);
        assertTrue(found.stream().noneMatch(s -> s.startsWith("/fixture/fail.any.html|")), found::toString);
        assertTrue(found.stream().noneMatch(s -> s.startsWith("/fixture/idle.any.html|")), found::toString);
        assertEquals(1, outcome.exitCode());
        assertTrue(output.contains("unexpected pass"), output);
    }

    @Test
    void summaryHasARowPerDirectoryAndVariant() {
        assertTrue(output.lines().anyMatch(l -> l.startsWith("/fixture ") && l.contains(" first ")), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("/fixture/sub ") && l.contains(" v1 ")), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("total ")), output);
        assertTrue(output.contains("1 testharness .html test(s) not run"), "HTML tests are counted as not run");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportIsWptreportJson() throws IOException {
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(report));
        assertEquals(Set.of("time_start", "time_end", "run_info", "results"), json.keySet());
        assertTrue(((Number) json.get("time_end")).longValue() >= ((Number) json.get("time_start")).longValue());
        Map<String, Object> runInfo = (Map<String, Object>) json.get("run_info");
        assertEquals("wsjs", runInfo.get("product"));
        List<Map<String, Object>> results = (List<Map<String, Object>>) json.get("results");
        assertEquals(byUrl.size(), results.size());
        Map<String, Object> fail = results.stream().filter(r -> r.get("test").equals("/fixture/fail.any.html")).findFirst().orElseThrow();
        assertEquals("OK", fail.get("status"));
        assertNull(fail.get("message"));
        assertTrue(fail.get("duration") instanceof Number);
        List<Map<String, Object>> subtests = (List<Map<String, Object>>) fail.get("subtests");
        assertEquals(Map.of("name", "passes", "status", "PASS"), Map.of("name", subtests.get(0).get("name"), "status", subtests.get(0).get("status")));
        assertTrue(subtests.get(0).containsKey("message"));
        assertEquals("FAIL", subtests.get(1).get("status"));
    }

    @Test
    void updateExpectationsAcceptsTheResults() throws IOException {
        Path expectations = tmp.resolve("update.json");
        RunOptions.Builder options = RunOptions.builder(server.root)
                .serverRunning(server.writeServeInfo(tmp))
                .testPaths(List.of("fixture/fail.any.js", "fixture/needs-document.any.js", "/fixture/meta.any.html?first"))
                .expectations(expectations)
                .jobs(1);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        RunOutcome first = new WptRunner(quiet, false).run(options.updateExpectations(true).build());
        assertEquals(0, first.exitCode(), "accepted with --update-expectations");
        assertEquals(3, first.results().size());
        String written = Files.readString(expectations);
        assertTrue(written.contains("\"/fixture/meta.any.html?first\": \"pass\""), written);
        assertTrue(written.contains("\"fails\": \"FAIL: assert_equals: a deliberate failure"), written);

        RunOutcome second = new WptRunner(quiet, false).run(options.updateExpectations(false).build());
        assertEquals(List.of(), second.unexpected());
        assertEquals(0, second.exitCode());
    }

    @Test
    void theRunStaysWithinItsTimeBudget() {
        // Everything but the hang fixture finishes in well under its 1 s timeout.
        assertTrue(elapsedMillis < 60_000, "the fixture run took " + elapsedMillis + " ms");
    }
}
