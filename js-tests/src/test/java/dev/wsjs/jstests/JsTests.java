package dev.wsjs.jstests;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every {@code *.js} under {@code src/test/js/<area>/} (files under a {@code resources/} folder
 * are helpers, not tests), each in a fresh runtime: one JUnit test per subtest, named
 * {@code file.js › subtest name}, failing with the assertion message. {@code -Dwsjs.jstests.filter=timers/}
 * runs only the files whose path contains the text.
 */
class JsTests {

    private static final TestServers SERVERS = new TestServers();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    static Path root() {
        return Path.of(System.getProperty("wsjs.jstests.dir", "src/test/js"));
    }

    @TestFactory
    Stream<DynamicNode> jsTests() throws IOException {
        Path root = root();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".js") && Files.isRegularFile(p))
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/').contains("resources/"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').contains(System.getProperty("wsjs.jstests.filter", "")))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) throw new AssertionError("no JS test files under " + root.toAbsolutePath());
        return files.stream().map(file -> {
            String relative = root.relativize(file).toString().replace('\\', '/');
            // The container's stream is lazy: the file runs when JUnit reaches it.
            return dynamicContainer(relative, file.toUri(), Stream.of(file).flatMap(f -> subtests(f, relative).stream()));
        });
    }

    private static List<DynamicTest> subtests(Path file, String relative) {
        FileResult result;
        try {
            result = new JsFileRunner(SERVERS).run(file, "http://127.0.0.1/" + relative);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file.getFileName().toString();
        List<DynamicTest> tests = new ArrayList<>();
        for (FileResult.Subtest subtest : result.tests()) {
            tests.add(dynamicTest(fileName + " › " + subtest.name(), () -> check(subtest, result)));
        }
        if (!"OK".equals(result.status()) || result.tests().isEmpty()) {
            tests.add(dynamicTest(fileName + " › (harness)", () -> {
                throw new AssertionFailedError("harness " + result.status()
                        + (result.message() != null ? ": " + result.message() : "")
                        + (result.tests().isEmpty() ? " (the file ran no subtests)" : "")
                        + consoleOf(result));
            }));
        }
        return tests;
    }

    private static void check(FileResult.Subtest subtest, FileResult file) {
        switch (subtest.status()) {
            case "PASS" -> { }
            case "PRECONDITION_FAILED" -> Assumptions.abort("precondition failed: " + subtest.message());
            default -> throw new AssertionFailedError(subtest.status() + ": " + subtest.message()
                    + (subtest.stack() != null ? "\n" + subtest.stack() : "") + consoleOf(file));
        }
    }

    private static String consoleOf(FileResult file) {
        return file.console().isEmpty() ? "" : "\n--- console ---\n" + String.join("\n", file.console());
    }
}
