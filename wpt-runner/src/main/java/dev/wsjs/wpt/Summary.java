package dev.wsjs.wpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The end-of-run table: one row per directory and variant, with totals. */
final class Summary {

    /** Counts of one row. */
    static final class Row {
        int tests, passed, failed, timeout, error, precondition, unexpected;
        long subtestsPassed, subtests;

        void add(TestResult r, int unexpectedCount) {
            tests++;
            switch (r.status()) {
                case OK -> {
                    if (r.passed()) passed++;
                    else failed++;
                }
                case TIMEOUT -> timeout++;
                case ERROR, CRASH -> error++;
                case PRECONDITION_FAILED -> precondition++;
            }
            subtests += r.subtests().size();
            subtestsPassed += r.passedSubtests();
            unexpected += unexpectedCount;
        }
    }

    private Summary() {}

    /**
     * @param unexpectedByUrl the number of unexpected results per test URL
     */
    static String render(List<WptTest> tests, Map<String, TestResult> results, Map<String, Integer> unexpectedByUrl) {
        Map<String, Row> rows = new TreeMap<>();
        Row total = new Row();
        for (WptTest t : tests) {
            TestResult r = results.get(t.url());
            if (r == null) continue;
            int u = unexpectedByUrl.getOrDefault(t.url(), 0);
            String variant = t.variantName().isEmpty() ? "-" : t.variantName();
            rows.computeIfAbsent(t.directory() + "\u0000" + variant, k -> new Row()).add(r, u);
            total.add(r, u);
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"directory", "variant", "tests", "pass", "fail", "timeout", "error", "precond", "subtests", "unexpected"});
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            lines.add(cells(key[0], key[1], e.getValue()));
        }
        lines.add(cells("total", "", total));
        int[] widths = new int[lines.getFirst().length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) widths[i] = Math.max(widths[i], l[i].length());
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            String[] l = lines.get(n);
            if (n == lines.size() - 1) sb.append("-".repeat(sum(widths) + 2 * (widths.length - 1))).append('\n');
            for (int i = 0; i < l.length; i++) {
                if (i > 0) sb.append("  ");
                // Names left-aligned, numbers right-aligned.
                sb.append(i < 2 ? pad(l[i], widths[i], false) : pad(l[i], widths[i], true));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String[] cells(String dir, String variant, Row r) {
        return new String[] {dir, variant, Integer.toString(r.tests), Integer.toString(r.passed), Integer.toString(r.failed),
                Integer.toString(r.timeout), Integer.toString(r.error), Integer.toString(r.precondition),
                r.subtestsPassed + "/" + r.subtests, Integer.toString(r.unexpected)};
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) s += x;
        return s;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
