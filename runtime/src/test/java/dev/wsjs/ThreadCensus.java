package dev.wsjs;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live threads of this JVM by name, virtual ones included (ThreadMXBean and
 * Thread.getAllStackTraces see only platform threads): a JSON thread dump lists both.
 */
final class ThreadCensus {

    private static final Pattern NAME = Pattern.compile("\"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The runtime's own threads: loop threads and everything the WebSocket client starts. */
    static final String RUNTIME_PREFIX_LOOP = "wsjs-loop-";
    static final String RUNTIME_PREFIX_WS = "wsjs-ws-";

    private ThreadCensus() {}

    /** Names of every live thread, platform and virtual. */
    static List<String> names() {
        try {
            Path dir = Files.createTempDirectory("wsjs-threads");
            Path file = dir.resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                String json = Files.readString(file);
                List<String> names = new ArrayList<>();
                Matcher m = NAME.matcher(json);
                while (m.find()) names.add(m.group(1));
                return names;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live threads a runtime started: its loop thread and its WebSocket client's threads. */
    static long runtimeThreads() {
        return names().stream().filter(n -> n.startsWith(RUNTIME_PREFIX_LOOP) || n.startsWith(RUNTIME_PREFIX_WS)).count();
    }

    /** Live platform threads (what the OS counts). */
    static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Polls {@code condition} every 100 ms for up to {@code seconds}; returns whether it held. */
    static boolean eventually(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
