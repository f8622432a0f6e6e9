package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDiscoveryTest {

    @TempDir
    Path root;

    private static List<String> urls(List<WptTest> tests) {
        return tests.stream().map(WptTest::url).toList();
    }

    @Test
    void anyTestsGetTheDefaultGlobalsTimesTheVariants() {
        List<WptTest> tests = TestDiscovery.expand("/ws/Close.any.js", TestKind.ANY,
                ScriptMetadata.parse("// META: variant=?default\n// META: variant=?wss\n"));
        assertEquals(List.of("/ws/Close.any.html?default", "/ws/Close.any.html?wss",
                "/ws/Close.any.worker.html?default", "/ws/Close.any.worker.html?wss"), urls(tests));
    }

    @Test
    void workerShorthandAndExplicitGlobals() {
        List<WptTest> tests = TestDiscovery.expand("/x/a.any.js", TestKind.ANY,
                ScriptMetadata.parse("// META: global=window, worker\n"));
        assertEquals(List.of("/x/a.any.html", "/x/a.any.serviceworker.html", "/x/a.any.sharedworker.html",
                "/x/a.any.worker.html"), urls(tests));
        assertEquals(List.of("/x/a.any.worker.html"), urls(TestDiscovery.expand("/x/a.any.js", TestKind.ANY,
                ScriptMetadata.parse("// META: global=dedicatedworker,nonsense\n"))));
    }

    @Test
    void workerAndWindowFilesHaveOneScope() {
        List<WptTest> worker = TestDiscovery.expand("/ws/Send.worker.js", TestKind.WORKER,
                ScriptMetadata.parse("// META: variant=?wss\n"));
        assertEquals(List.of("/ws/Send.worker.html?wss"), urls(worker));
        assertEquals("/ws/Send.worker.js", worker.getFirst().workerScriptPath());
        List<WptTest> window = TestDiscovery.expand("/ws/bf.window.js", TestKind.WINDOW, ScriptMetadata.parse(""));
        assertEquals(List.of("/ws/bf.window.html"), urls(window));
        assertEquals(null, window.getFirst().workerScriptPath());
    }

    @Test
    void aVariantMustBeAQueryOrFragment() {
        assertThrows(IllegalArgumentException.class, () -> TestDiscovery.expand("/a.any.js", TestKind.ANY,
                ScriptMetadata.parse("// META: variant=wss\n")));
    }

    @Test
    void variantNames() {
        assertEquals("default", WptTest.variantName("?default"));
        assertEquals("h2", WptTest.variantName("?wpt_flags=h2"));
        assertEquals("wss&https", WptTest.variantName("?wss&wpt_flags=https"));
        assertEquals("", WptTest.variantName(""));
    }

    @Test
    void walksTheTreeSkipsSupportDirectoriesAndFiltersBySelectorAndVariant() throws IOException {
        write("resources/testharness.js", "");
        write("ws/a.any.js", "// META: global=window\n// META: variant=?default\n// META: variant=?wss\n// META: variant=?wpt_flags=h2\n");
        write("ws/sub/b.worker.js", "importScripts('/resources/testharness.js');\n");
        write("ws/resources/helper.any.js", "// a support file, not a test\n");
        write("ws/handlers/echo_wsh.py", "");
        write("ws/page.html", "<script src=/resources/testharness.js></script>");
        write("ws/vary.html", "<meta name=variant content=?x><meta name=\"variant\" content=\"?y\">"
                + "<script src=/resources/testharness.js></script>");
        write("ws/not-a-test.html", "<p>no harness</p>");
        write("ws/press-keys-manual.html", "<script src=/resources/testharness.js></script>");
        write("ws/page.xhtml", "<script src=\"/resources/testharness.js\"/>");
        write("other/c.any.js", "// META: global=window\n");

        TestDiscovery.Found all = TestDiscovery.discover(root, List.of(), Set.of());
        assertEquals(List.of("/other/c.any.html", "/ws/a.any.html?default", "/ws/a.any.html?wpt_flags=h2",
                "/ws/a.any.html?wss", "/ws/page.html", "/ws/sub/b.worker.html", "/ws/vary.html?x", "/ws/vary.html?y"),
                urls(all.tests()));
        assertEquals(List.of("/ws/page.xhtml"), all.htmlTests());

        assertEquals(List.of("/ws/a.any.html?default", "/ws/a.any.html?wss", "/ws/page.html", "/ws/sub/b.worker.html"),
                urls(TestDiscovery.discover(root, List.of("ws/"), Set.of("default", "wss")).tests()),
                "a variant filter keeps tests without variants");
        assertEquals(List.of("/ws/a.any.html?wss"),
                urls(TestDiscovery.discover(root, List.of("/ws/a.any.html?wss"), Set.of()).tests()));
        assertEquals(List.of("/ws/sub/b.worker.html"),
                urls(TestDiscovery.discover(root, List.of("ws/sub/b.worker.js"), Set.of()).tests()));
        assertThrows(IllegalArgumentException.class, () -> TestDiscovery.discover(root, List.of("ws/missing.any.js"), Set.of()));
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
