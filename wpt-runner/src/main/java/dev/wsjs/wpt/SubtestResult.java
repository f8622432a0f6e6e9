package dev.wsjs.wpt;

import java.util.Objects;

/**
 * One subtest's outcome.
 *
 * @param name the subtest name (may repeat within a test: WPT does not forbid it)
 * @param status its status
 * @param message the assertion message or null
 */
record SubtestResult(String name, SubtestStatus status, String message) {

    SubtestResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
