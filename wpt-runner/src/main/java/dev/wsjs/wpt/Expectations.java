package dev.wsjs.wpt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the project expects of each test URL, kept in the repository as JSON so a change that breaks a
 * passing test (or fixes a failing one) shows up as an unexpected result:
 *
 * <pre>{@code
 * {
 *   "/websockets/Close-1000.any.html?default": "pass",
 *   "/websockets/Close-1000.any.sharedworker.html?default": {"fail": "needs a shared worker global"},
 *   "/websockets/Send-data.any.html?default": {"subtests": {"Send data over a WebSocket": "reason"}},
 *   "/websockets/stream/tentative/write.any.html?wss": {"flaky": {"garbage collection after …": "reason"}}
 * }
 * }</pre>
 *
 * <p>{@code "pass"}: the harness ends OK and every subtest passes. {@code {"fail": reason}}: the test as a
 * whole is known not to pass (any outcome but a full pass is expected). {@code {"subtests": {name:
 * reason}}}: the harness ends OK, the listed subtests are known to fail and all others pass.
 * {@code {"flaky": {name: reason}}}, alone or beside {@code "subtests"}: the listed subtests race with
 * something outside the runtime (the test's own timing assumptions) and may pass or fail. A URL that is
 * not listed is expected to pass. Immutable.
 */
final class Expectations {

    /** One URL's expectation. */
    sealed interface Expectation {}

    record Pass() implements Expectation {}

    record Fail(String reason) implements Expectation {}

    /**
     * The harness ends OK; subtests not named here pass.
     *
     * @param failing expected-failing subtest names with the reason each fails
     * @param flaky subtests that may pass or fail, with the reason
     */
    record Subtests(Map<String, String> failing, Map<String, String> flaky) implements Expectation {
        Subtests {
            failing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failing));
            flaky = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flaky));
        }
    }

    /** The keys a {@link Subtests} entry may have, one or both. */
    private static final java.util.Set<String> SUBTESTS_KEYS = java.util.Set.of("subtests", "flaky");

    private static final Pass PASS = new Pass();
    private static final int MAX_REASON = 200;

    private final Map<String, Expectation> byUrl;

    Expectations(Map<String, Expectation> byUrl) {
        this.byUrl = java.util.Collections.unmodifiableMap(new TreeMap<>(byUrl));
    }

    static Expectations none() {
        return new Expectations(Map.of());
    }

    /** Reads an expectations file; a missing file is an empty set of expectations. */
    static Expectations load(Path file) throws IOException {
        if (!Files.exists(file)) return none();
        Object json;
        try {
            json = Json.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (!(json instanceof Map<?, ?> map)) throw new IOException(file + ": expected a JSON object of test URLs");
        Map<String, Expectation> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String url = (String) e.getKey();
            out.put(url, parseEntry(file, url, e.getValue()));
        }
        return new Expectations(out);
    }

    private static Expectation parseEntry(Path file, String url, Object value) throws IOException {
        if ("pass".equals(value)) return PASS;
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("fail") instanceof String reason && !reason.isBlank()) {
            return new Fail(reason);
        }
        if (value instanceof Map<?, ?> m && !m.isEmpty() && SUBTESTS_KEYS.containsAll(m.keySet())) {
            return new Subtests(reasons(file, url, m, "subtests"), reasons(file, url, m, "flaky"));
        }
        throw new IOException(file + ": " + url + ": expected \"pass\", {\"fail\": reason} or {\"subtests\": {name: reason}}"
                + " and/or {\"flaky\": {name: reason}}");
    }

    /** The {@code {name: reason}} object under {@code key}, empty if absent. */
    private static Map<String, String> reasons(Path file, String url, Map<?, ?> entry, String key) throws IOException {
        if (!entry.containsKey(key)) return Map.of();
        if (!(entry.get(key) instanceof Map<?, ?> subs) || subs.isEmpty()) {
            throw new IOException(file + ": " + url + ": \"" + key + "\" needs an object of subtest names and reasons");
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Map.Entry<?, ?> s : subs.entrySet()) {
            if (!(s.getValue() instanceof String reason) || reason.isBlank()) {
                throw new IOException(file + ": " + url + ": subtest \"" + s.getKey() + "\" needs a reason");
            }
            reasons.put((String) s.getKey(), reason);
        }
        return reasons;
    }

    /** The expectation of {@code url}; unlisted URLs are expected to pass. */
    Expectation of(String url) {
        return byUrl.getOrDefault(url, PASS);
    }

    Map<String, Expectation> entries() {
        return byUrl;
    }

    /** Where {@code result} differs from its expectation; empty if it is as expected. */
    List<Unexpected> diff(TestResult result) {
        List<Unexpected> out = new ArrayList<>();
        String url = result.url();
        switch (of(url)) {
            case Pass p -> {
                if (result.status() != TestStatus.OK) {
                    out.add(new Unexpected(url, null, "OK", result.status().name(), result.message()));
                }
                for (SubtestResult s : result.subtests()) {
                    if (s.status() != SubtestStatus.PASS) {
                        out.add(new Unexpected(url, s.name(), "PASS", s.status().name(), s.message()));
                    }
                }
            }
            case Fail f -> {
                if (result.passed()) {
                    out.add(new Unexpected(url, null, "FAIL", "OK",
                            "every subtest passed; expected to fail because: " + f.reason()));
                }
            }
            case Subtests fs -> {
                if (result.status() != TestStatus.OK) {
                    out.add(new Unexpected(url, null, "OK", result.status().name(), result.message()));
                }
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (SubtestResult s : result.subtests()) {
                    seen.add(s.name());
                    if (fs.flaky().containsKey(s.name())) continue;
                    boolean expectedToFail = fs.failing().containsKey(s.name());
                    if (expectedToFail && s.status() == SubtestStatus.PASS) {
                        out.add(new Unexpected(url, s.name(), "FAIL", "PASS",
                                "expected to fail because: " + fs.failing().get(s.name())));
                    } else if (!expectedToFail && s.status() != SubtestStatus.PASS) {
                        out.add(new Unexpected(url, s.name(), "PASS", s.status().name(), s.message()));
                    }
                }
                if (result.status() == TestStatus.OK) {
                    addMissing(out, url, fs.failing().keySet(), seen, "FAIL");
                    addMissing(out, url, fs.flaky().keySet(), seen, "FLAKY");
                }
            }
        }
        return out;
    }

    /** Reports each listed subtest the test no longer has. */
    private static void addMissing(List<Unexpected> out, String url, java.util.Set<String> listed,
                                   java.util.Set<String> seen, String expected) {
        for (String name : listed) {
            if (!seen.contains(name)) {
                out.add(new Unexpected(url, name, expected, "MISSING", "the expectations list a subtest the test no longer has"));
            }
        }
    }

    /**
     * The expectations that accept {@code results} as they are: entries of other URLs stay, reasons
     * already written by a person are kept, new failures get their failure message as the reason, and
     * subtests a person marked flaky stay flaky whatever they did this time.
     */
    Expectations updatedWith(List<TestResult> results) {
        Map<String, Expectation> out = new TreeMap<>(byUrl);
        for (TestResult r : results) {
            Expectation old = byUrl.get(r.url());
            Map<String, String> flaky = old instanceof Subtests fs ? fs.flaky() : Map.of();
            if (r.status() == TestStatus.OK) {
                Map<String, String> reasons = new LinkedHashMap<>();
                for (SubtestResult s : r.subtests()) {
                    if (s.status() == SubtestStatus.PASS || flaky.containsKey(s.name())) continue;
                    String kept = old instanceof Subtests fs ? fs.failing().get(s.name()) : null;
                    reasons.put(s.name(), kept != null ? kept : reasonFor(s.status().name(), s.message()));
                }
                out.put(r.url(), reasons.isEmpty() && flaky.isEmpty() ? PASS : new Subtests(reasons, flaky));
            } else {
                String kept = old instanceof Fail f ? f.reason() : null;
                out.put(r.url(), new Fail(kept != null ? kept : reasonFor(r.status().name(), r.message())));
            }
        }
        return new Expectations(out);
    }

    private static String reasonFor(String status, String message) {
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
        String reason = first.isEmpty() ? status : status + ": " + first;
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private static Map<String, Object> subtestsJson(Subtests fs) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!fs.failing().isEmpty()) json.put("subtests", fs.failing());
        if (!fs.flaky().isEmpty()) json.put("flaky", fs.flaky());
        return json;
    }

    /** Writes the file with sorted URLs, one entry per line group, so changes diff well. */
    void save(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, Expectation> e : byUrl.entrySet()) {
            json.put(e.getKey(), switch (e.getValue()) {
                case Pass p -> "pass";
                case Fail f -> Map.of("fail", f.reason());
                case Subtests fs -> subtestsJson(fs);
            });
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, Json.pretty(json));
    }
}
