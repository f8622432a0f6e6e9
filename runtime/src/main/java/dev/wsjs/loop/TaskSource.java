package dev.wsjs.loop;

/**
 * The task sources of the HTML Standard's event loop that this runtime queues tasks on.
 * Tasks of one source run in the order they were queued; the loop runs tasks of all
 * sources in arrival order, which the standard allows.
 */
public enum TaskSource {
    /** Timer expiry ({@code setTimeout}, {@code setInterval}, {@code AbortSignal.timeout}). */
    TIMER,
    /** The WebSocket task source: open, message, error and close events. */
    WEBSOCKET,
    /** The networking task source (e.g. {@code Blob} reads, {@code FileReader}). */
    NETWORKING,
    /** Work submitted by Java code through the runtime's {@code submit} API. */
    POSTED,
    /** Internal bookkeeping of the runtime itself (e.g. "make disappear" on close). */
    RUNTIME
}
