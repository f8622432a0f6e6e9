package dev.wsjs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Value;
import org.graalvm.shadowed.com.ibm.icu.lang.UCharacter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The URL Standard's shared test data from web-platform-tests (url/resources/*.json), run the way
 * WPT's url tests run it. The files are not part of this repository: each test runs only when its
 * system property names a local copy, e.g.
 * {@code -Dwsjs.wpt.urltestdata=/path/to/wpt/url/resources/urltestdata.json}, and is skipped otherwise.
 * {@code wsjs.wpt.url.resources} names the whole folder instead.
 */
class UrlWptDataTest {

    private static TextJs js;
    private static Value runner;

    @BeforeAll
    static void start() throws IOException {
        js = new TextJs();
        try (var in = UrlWptDataTest.class.getResourceAsStream("/dev/wsjs/url/wpt-url-data.js")) {
            runner = js.runtime.eval(new String(in.readAllBytes(), StandardCharsets.UTF_8), "wpt-url-data.js");
        }
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    @Test
    void urltestdata() throws IOException {
        run("urltestdata", "wsjs.wpt.urltestdata", "urltestdata.json");
    }

    @Test
    void urltestdataJavascriptOnly() throws IOException {
        run("urltestdata", "wsjs.wpt.urltestdata-javascript-only", "urltestdata-javascript-only.json");
    }

    @Test
    void settersTests() throws IOException {
        run("setters", "wsjs.wpt.setters", "setters_tests.json");
    }

    @Test
    void toascii() throws IOException {
        run("toascii", "wsjs.wpt.toascii", "toascii.json");
    }

    /**
     * IdnaTestV2.json follows the newest Unicode version while the ICU that GraalJS 25 ships
     * implements an older one: a case may fail only when its input holds a code point that ICU
     * does not know yet (an unassigned code point is disallowed by UTS #46).
     */
    @Test
    void idnaTestV2() throws IOException {
        run("idna", "wsjs.wpt.idna", "IdnaTestV2.json");
    }

    private static void run(String kind, String property, String fileName) throws IOException {
        Path file = locate(property, fileName);
        assumeTrue(file != null, () -> "set -D" + property + "=<path to " + fileName + "> to run this data set");
        String summaryJson = runner.execute(kind, Files.readString(file)).asString();
        Value summary = js.runtime.eval("(s) => JSON.parse(s)", "parse.js").execute(summaryJson);
        int passed = summary.getMember("passed").asInt();
        int failed = summary.getMember("failed").asInt();
        Value failedInputs = summary.getMember("failedInputs");
        int newerUnicode = 0;
        for (long i = 0; i < failedInputs.getArraySize(); i++) {
            if (hasCodePointUnknownToIcu(failedInputs.getArrayElement(i).asString())) newerUnicode++;
        }
        System.getLogger(UrlWptDataTest.class.getName()).log(System.Logger.Level.INFO,
                fileName + ": " + passed + " passed, " + failed + " failed (" + newerUnicode
                        + " on code points newer than ICU's Unicode " + UCharacter.getUnicodeVersion() + ")");
        assertTrue(passed > 0, "no cases in " + file);
        assertEquals(0, failed - newerUnicode, fileName + " failures: " + summary.getMember("failures"));
    }

    private static boolean hasCodePointUnknownToIcu(String input) {
        return input.codePoints().anyMatch(cp -> UCharacter.getType(cp) == UCharacter.UNASSIGNED);
    }

    private static Path locate(String property, String fileName) {
        String direct = System.getProperty(property);
        if (direct != null && !direct.isBlank()) return Path.of(direct);
        String folder = System.getProperty("wsjs.wpt.url.resources");
        if (folder != null && !folder.isBlank() && Files.isRegularFile(Path.of(folder, fileName))) {
            return Path.of(folder, fileName);
        }
        return null;
    }
}
