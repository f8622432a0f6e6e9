package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a connection's events in order, with typed assertions that wait (bounded) for the next
 * event. Also checks the listener contract: no call overlaps another, nothing after onClosed.
 */
final class RecordingListener implements ConnectionListener {

    static final Duration WAIT = Duration.ofSeconds(10);

    record Open(String protocol, String extensions) {}
    record Text(String text) {}
    record Binary(ByteBuffer data) {}
    record CloseFrame(int code, String reason) {}
    record Failure(FailureCause cause, String detail) {}
    record Closed(boolean wasClean, int code, String reason) {}

    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean closed;
    volatile String contractViolation;
    /** When set, every received message is reported delivered at once (as a loop would). */
    volatile WebSocketConnection autoDeliver;
    /** When set, read by onCloseFrame on the reader thread; what it read is kept in {@link #probedAtCloseFrame}. */
    volatile java.util.function.LongSupplier closeFrameProbe;
    volatile long probedAtCloseFrame = -1;

    private void enter() {
        if (inside.incrementAndGet() != 1) contractViolation = "overlapping listener calls";
        if (closed) contractViolation = "a call after onClosed";
    }

    private void exit() {
        inside.decrementAndGet();
    }

    @Override public void onOpen(String protocol, String extensions) { enter(); events.add(new Open(protocol, extensions)); exit(); }

    @Override public void onText(String text) {
        enter();
        events.add(new Text(text));
        WebSocketConnection c = autoDeliver;
        if (c != null) c.delivered(text.length());
        exit();
    }

    @Override public void onBinary(ByteBuffer data) {
        enter();
        events.add(new Binary(data));
        WebSocketConnection c = autoDeliver;
        if (c != null) c.delivered(data.remaining());
        exit();
    }

    @Override public void onCloseFrame(int code, String reason) {
        enter();
        java.util.function.LongSupplier probe = closeFrameProbe;
        if (probe != null) probedAtCloseFrame = probe.getAsLong();
        events.add(new CloseFrame(code, reason));
        exit();
    }

    @Override public void onFailure(FailureCause cause, String detail) { enter(); events.add(new Failure(cause, detail)); exit(); }

    @Override public void onClosed(boolean wasClean, int code, String reason) {
        enter();
        events.add(new Closed(wasClean, code, reason));
        closed = true;
        exit();
    }

    @Override public void onBytesSent(long payloadBytes) { enter(); bytesSent.addAndGet(payloadBytes); exit(); }

    Object next() throws InterruptedException {
        Object e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(e, "no event within " + WAIT);
        return e;
    }

    <T> T next(Class<T> type) throws InterruptedException {
        Object e = next();
        assertInstanceOf(type, e, "expected " + type.getSimpleName() + " but got " + e);
        return type.cast(e);
    }

    Open awaitOpen() throws InterruptedException {
        return next(Open.class);
    }

    String awaitText() throws InterruptedException {
        return next(Text.class).text();
    }

    ByteBuffer awaitBinary() throws InterruptedException {
        return next(Binary.class).data();
    }

    void awaitCloseFrame(int code, String reason) throws InterruptedException {
        assertEquals(new CloseFrame(code, reason), next());
    }

    void awaitClosed(boolean wasClean, int code, String reason) throws InterruptedException {
        assertEquals(new Closed(wasClean, code, reason), next());
        assertNull(contractViolation, contractViolation);
    }

    /** The failure with the given cause, then onClosed(false, 1006, ""). */
    Failure awaitFailure(FailureCause cause) throws InterruptedException {
        Object e = next();
        assertInstanceOf(Failure.class, e, "expected a failure " + cause + " but got " + e);
        Failure f = (Failure) e;
        assertEquals(cause, f.cause(), "failure detail: " + f.detail());
        awaitClosed(false, 1006, "");
        return f;
    }

    /** Asserts nothing arrives for a while (used to show the reader paused). */
    void assertQuiet(Duration d) throws InterruptedException {
        Object e = events.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        assertNull(e, "expected no event, got " + e);
    }
}
