package dev.wsjs.wpt;

import java.util.List;

/**
 * The results of a run.
 *
 * @param results one result per test URL, sorted by URL
 * @param unexpected results that differ from the expectations (regressions and unexpected passes)
 * @param htmlTestsNotRun testharness XHTML pages in the selection, which need an XML document
 * @param timeStart when the first test started, in ms since the epoch
 * @param timeEnd when the last test ended
 * @param expectationsUpdated whether the expectations file was rewritten to accept the results
 */
public record RunOutcome(List<TestResult> results, List<Unexpected> unexpected, List<String> htmlTestsNotRun,
                         long timeStart, long timeEnd, boolean expectationsUpdated) {

    public RunOutcome {
        results = List.copyOf(results);
        unexpected = List.copyOf(unexpected);
        htmlTestsNotRun = List.copyOf(htmlTestsNotRun);
    }

    /** 0 when every result was expected (or accepted with --update-expectations), else 1. */
    public int exitCode() {
        return unexpected.isEmpty() || expectationsUpdated ? 0 : 1;
    }
}
