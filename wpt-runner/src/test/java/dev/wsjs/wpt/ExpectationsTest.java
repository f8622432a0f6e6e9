package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsTest {

    @TempDir
    Path dir;

    private static TestResult result(String url, TestStatus status, SubtestResult... subtests) {
        return new TestResult(url, status, status == TestStatus.OK ? null : "harness message", List.of(subtests), 5, List.of());
    }

    private static SubtestResult sub(String name, SubtestStatus status) {
        return new SubtestResult(name, status, status == SubtestStatus.PASS ? null : "assert_equals: expected 1 got 2");
    }

    private static List<String> diff(Expectations e, TestResult r) {
        return e.diff(r).stream().map(u -> u.subtest() + ":" + u.expected() + "->" + u.actual()).toList();
    }

    private Expectations load(String json) throws IOException {
        Path file = dir.resolve("e.json");
        Files.writeString(file, json);
        return Expectations.load(file);
    }

    @Test
    void unlistedTestsMustPass() {
        Expectations none = Expectations.none();
        assertEquals(List.of(), diff(none, result("/a", TestStatus.OK, sub("x", SubtestStatus.PASS))));
        assertEquals(List.of("null:OK->TIMEOUT", "x:PASS->TIMEOUT"),
                diff(none, result("/a", TestStatus.TIMEOUT, sub("x", SubtestStatus.TIMEOUT))));
    }

    @Test
    void aFailingTestMayFailAnyWayButNotPass() throws IOException {
        Expectations e = load("{\"/a\": {\"fail\": \"no h2\"}}");
        assertEquals(List.of(), diff(e, result("/a", TestStatus.ERROR)));
        assertEquals(List.of(), diff(e, result("/a", TestStatus.OK, sub("x", SubtestStatus.FAIL))));
        List<Unexpected> pass = e.diff(result("/a", TestStatus.OK, sub("x", SubtestStatus.PASS)));
        assertEquals(1, pass.size());
        assertTrue(pass.getFirst().isUnexpectedPass());
        assertTrue(pass.getFirst().message().contains("no h2"));
    }

    @Test
    void listedSubtestsMayFailOthersMustPass() throws IOException {
        Expectations e = load("{\"/a\": {\"subtests\": {\"bad\": \"reason\", \"gone\": \"reason\"}}}");
        assertEquals(List.of("gone:FAIL->MISSING"), diff(e, result("/a", TestStatus.OK,
                sub("bad", SubtestStatus.FAIL), sub("good", SubtestStatus.PASS))));
        assertEquals(List.of("bad:FAIL->PASS", "good:PASS->FAIL", "gone:FAIL->MISSING"), diff(e, result("/a", TestStatus.OK,
                sub("bad", SubtestStatus.PASS), sub("good", SubtestStatus.FAIL))));
        assertEquals(List.of("null:OK->ERROR"), diff(e, result("/a", TestStatus.ERROR, sub("bad", SubtestStatus.FAIL))));
    }

    @Test
    void flakySubtestsMayPassOrFailAndStayFlakyWhenUpdated() throws IOException {
        Expectations e = load("{\"/a\": {\"subtests\": {\"bad\": \"reason\"}, \"flaky\": {\"racy\": \"the test races\"}}}");
        assertEquals(List.of(), diff(e, result("/a", TestStatus.OK,
                sub("bad", SubtestStatus.FAIL), sub("racy", SubtestStatus.PASS), sub("good", SubtestStatus.PASS))));
        assertEquals(List.of(), diff(e, result("/a", TestStatus.OK,
                sub("bad", SubtestStatus.FAIL), sub("racy", SubtestStatus.FAIL), sub("good", SubtestStatus.PASS))));
        assertEquals(List.of("racy:FLAKY->MISSING"), diff(e, result("/a", TestStatus.OK, sub("bad", SubtestStatus.FAIL))));
        assertEquals(List.of("null:OK->TIMEOUT"), diff(e, result("/a", TestStatus.TIMEOUT,
                sub("bad", SubtestStatus.FAIL), sub("racy", SubtestStatus.FAIL))));

        Expectations updated = e.updatedWith(List.of(result("/a", TestStatus.OK,
                sub("bad", SubtestStatus.PASS), sub("racy", SubtestStatus.FAIL))));
        Path file = dir.resolve("flaky.json");
        updated.save(file);
        assertEquals(Map.of("/a", new Expectations.Subtests(Map.of(), Map.of("racy", "the test races"))),
                Expectations.load(file).entries());
        Expectations onlyFlaky = load("{\"/b\": {\"flaky\": {\"racy\": \"the test races\"}}}");
        assertEquals(List.of("good:PASS->FAIL"), diff(onlyFlaky, result("/b", TestStatus.OK,
                sub("racy", SubtestStatus.FAIL), sub("good", SubtestStatus.FAIL))));
    }

    @Test
    void everyExpectedFailureNeedsAReason() {
        assertThrows(IOException.class, () -> load("{\"/a\": {\"fail\": \"\"}}"));
        assertThrows(IOException.class, () -> load("{\"/a\": {\"subtests\": {\"x\": true}}}"));
        assertThrows(IOException.class, () -> load("{\"/a\": \"fail\"}"));
        assertThrows(IOException.class, () -> load("{\"/a\": {\"flaky\": {}}}"));
        assertThrows(IOException.class, () -> load("{\"/a\": {\"fail\": \"x\", \"flaky\": {\"y\": \"z\"}}}"));
        assertThrows(IOException.class, () -> load("[]"));
    }

    @Test
    void updateKeepsWrittenReasonsAndOtherUrlsAndRoundTrips() throws IOException {
        Expectations e = load("""
                {"/kept": "pass",
                 "/a": {"subtests": {"bad": "a reason someone wrote"}},
                 "/b": {"fail": "known"}}
                """);
        Expectations updated = e.updatedWith(List.of(
                result("/a", TestStatus.OK, sub("bad", SubtestStatus.FAIL), sub("new", SubtestStatus.TIMEOUT)),
                result("/b", TestStatus.OK, sub("x", SubtestStatus.PASS)),
                result("/c", TestStatus.TIMEOUT)));
        Path file = dir.resolve("out.json");
        updated.save(file);
        Expectations reread = Expectations.load(file);
        assertEquals(Map.of(
                "/kept", new Expectations.Pass(),
                "/a", new Expectations.Subtests(Map.of("bad", "a reason someone wrote",
                        "new", "TIMEOUT: assert_equals: expected 1 got 2"), Map.of()),
                "/b", new Expectations.Pass(),
                "/c", new Expectations.Fail("TIMEOUT: harness message")), reread.entries());
        String text = Files.readString(file);
        assertTrue(text.indexOf("\"/a\"") < text.indexOf("\"/b\"") && text.indexOf("\"/b\"") < text.indexOf("\"/c\""), "sorted by URL");
    }
}
