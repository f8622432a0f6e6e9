package dev.wsjs.wpt;

import dev.wsjs.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's results in the wptreport JSON format that wpt.fyi and {@code wpt} tooling read:
 * {@code {"results": [{"test", "status", "message", "duration", "subtests": [{"name", "status",
 * "message"}]}], "run_info": {...}, "time_start", "time_end"}} with times in milliseconds since the epoch.
 */
final class WptReport {

    private WptReport() {}

    static Map<String, Object> toJson(List<TestResult> results, Map<String, Object> runInfo, long timeStart, long timeEnd) {
        List<Object> list = new ArrayList<>();
        for (TestResult r : results) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("test", r.url());
            test.put("status", r.status().name());
            test.put("message", r.message());
            test.put("duration", r.durationMillis());
            List<Object> subtests = new ArrayList<>();
            for (SubtestResult s : r.subtests()) {
                Map<String, Object> sub = new LinkedHashMap<>();
                sub.put("name", s.name());
                sub.put("status", s.status().name());
                sub.put("message", s.message());
                subtests.add(sub);
            }
            test.put("subtests", subtests);
            list.add(test);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time_start", timeStart);
        json.put("time_end", timeEnd);
        json.put("run_info", runInfo);
        json.put("results", list);
        return json;
    }

    static void write(Path file, Map<String, Object> json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, Json.pretty(json));
    }

    /**
     * What was run, on what: the keys wpt.fyi needs ({@code product}, {@code browser_version},
     * {@code os}, {@code revision}) and a few that explain the numbers.
     */
    static Map<String, Object> runInfo(String wptRevision, double timeoutMultiplier, int jobs) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("product", "wsjs");
        info.put("browser_version", Version.VERSION);
        info.put("os", System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT));
        info.put("os_version", System.getProperty("os.version", "unknown"));
        info.put("processor", System.getProperty("os.arch", "unknown"));
        info.put("revision", wptRevision);
        info.put("java_version", Runtime.version().toString());
        info.put("timeout_multiplier", timeoutMultiplier);
        info.put("jobs", jobs);
        return info;
    }

    /**
     * The WPT revision of a checkout: the undici commit recorded by {@code assemble.sh}, or the HEAD of
     * a git checkout, or "unknown".
     */
    static String wptRevision(Path root) {
        try {
            Path marker = root.resolve(".wpt-assembled");
            if (Files.isRegularFile(marker)) {
                for (String line : Files.readAllLines(marker)) {
                    if (line.startsWith("undici_commit=")) return line.substring("undici_commit=".length()).strip();
                }
            }
            Path head = root.resolve(".git/HEAD");
            if (Files.isRegularFile(head)) {
                String ref = Files.readString(head).strip();
                if (!ref.startsWith("ref: ")) return ref;
                Path refFile = root.resolve(".git").resolve(ref.substring(5));
                if (Files.isRegularFile(refFile)) return Files.readString(refFile).strip();
            }
        } catch (IOException e) {
            // The revision is informative only.
        }
        return "unknown";
    }
}
