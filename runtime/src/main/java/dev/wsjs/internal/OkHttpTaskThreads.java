package dev.wsjs.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import okhttp3.internal.concurrent.TaskRunner;

/**
 * Puts OkHttp's process-wide task runner on virtual threads.
 *
 * <p>OkHttp runs each fast-fallback ("happy eyeballs") connect attempt and its connection pools'
 * cleanup on {@code TaskRunner.INSTANCE}, whose executor starts a platform thread per concurrent
 * task and keeps each one idle for 60 s: opening N WebSockets at once left N platform threads
 * behind for a minute after the connections closed, against the design's "no platform thread per
 * connection". Turning fast fallback off would cost dual-stack hosts with a dead address family a
 * whole connect timeout per connection, so the attempts stay and only their threads change.
 *
 * <p>OkHttp has no public API for this executor (a client's task runner is internal); its backend
 * class exposes the {@link ThreadPoolExecutor} though, and {@link ThreadPoolExecutor#setThreadFactory}
 * is public. The OkHttp version is pinned by the build; should a later one move the class, this
 * logs once and leaves OkHttp's threads as they were (the thread-count test then fails). It changes
 * the runner every OkHttp client of the JVM shares, which only makes their task threads virtual.
 * Thread safe; applying it more than once has no further effect.
 */
final class OkHttpTaskThreads {

    /** Names the virtual threads so thread dumps still say whose they are. */
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("OkHttp TaskRunner (virtual)").factory();

    private OkHttpTaskThreads() {}

    private static final class Once {
        static final boolean APPLIED = apply();
    }

    /** Switches the shared runner's executor to virtual threads, once per JVM. */
    static boolean ensureVirtual() {
        return Once.APPLIED;
    }

    private static boolean apply() {
        try {
            if (TaskRunner.INSTANCE.getBackend() instanceof TaskRunner.RealBackend backend) {
                backend.getExecutor().setThreadFactory(VIRTUAL);
                return true;
            }
            log("OkHttp's task runner has a backend of its own; its threads stay as they are");
        } catch (LinkageError e) {
            log("OkHttp's task runner is not where OkHttp 5.5 has it (" + e + "); its threads stay platform threads");
        }
        return false;
    }

    private static void log(String message) {
        System.getLogger(OkHttpTaskThreads.class.getName()).log(Level.WARNING, message);
    }
}
