package dev.wsjs.websocket;

import static dev.wsjs.websocket.WebSocketProtocol.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import okio.BufferedSource;
import okio.Sink;

/**
 * One upgraded WebSocket connection, client or server side: frames in and out, the closing
 * handshake (RFC 6455 section 7), keep-alive pings, flow control, and the one-time report of how
 * it ended.
 *
 * <h2>Threads</h2>
 * <ul>
 * <li>The <b>reader</b> (a virtual thread) owns {@link #reader} and {@link #source}, delivers
 *     received messages, answers pings, and is the only thread that ends the connection
 *     ({@link #finish()}): every other thread that wants it ended records a failure and cancels the
 *     socket, which wakes the reader.</li>
 * <li>The <b>writer</b> owns {@link #writer} and {@link #sink}; it drains {@link #outgoing},
 *     coalescing queued frames into large socket writes. It is a virtual thread started when the
 *     queue gets work, and it ends once the queue stayed empty for {@link #WRITER_LINGER_NANOS}
 *     ({@link #writing} admits one at a time): an idle connection holds no writer thread and no
 *     stack (with 10,000 quiet connections a parked writer each cost 3.5 KB of heap), while a busy
 *     one does not pay a thread start per message.</li>
 * <li>Any thread may call the public methods; they only touch the atomics and volatiles below.</li>
 * <li>The timer thread runs the close, ping and pong timeouts, with the same rights as any thread.</li>
 * </ul>
 */
public final class WebSocketEndpoint {

    private static final Object STOP = new Object();
    /** Queued for the writer to send the pong in {@link #pendingPong}, if any is left by then. */
    private static final Object PONG = new Object();
    private static final Object WAKE = new Object();
    private static final int NO_URGENT_CLOSE = Integer.MIN_VALUE;
    /** How long a writer waits for more work before it ends. */
    private static final long WRITER_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Payload bytes after which a write batch reports progress even if more is queued. */
    private static final long BATCH_REPORT_BYTES = 1024 * 1024;
    /** How long the reader waits for a stopping writer before reporting the traffic without it. */
    private static final Duration WRITER_EXIT_WAIT = Duration.ofSeconds(1);

    private record Message(int opcode, ByteBuffer payload) {}
    private record Control(int opcode, byte[] payload) {}
    private record Close(int code, String reason) {}
    private record Failure(FailureCause cause, String detail) {}

    // Immutable after construction.
    private final String name;
    private final Role role;
    private final WebSocketSettings settings;
    private final ListenerGate listener;
    private final ScheduledExecutorService timers;
    private final Runnable cancelSocket;
    private final BufferedSource source;   // reader thread only
    private final IdleReadSource idle;     // reader thread only; null: wait in source's read
    private final Sink sink;               // writer thread only
    private final FrameReader reader;      // reader thread only
    private final FrameWriter writer;      // writer thread only
    private final Thread readerThread;
    private final String writerName;

    // Any thread.
    private final ConcurrentLinkedQueue<Object> outgoing = new ConcurrentLinkedQueue<>();
    /** Set while a writer runs (or is about to); whoever sets it from false starts one. */
    private final AtomicBoolean writing = new AtomicBoolean();
    /** The writer while it waits for more work. */
    private volatile Thread idleWriter;
    /** Set by {@link #start()}: frames queued before it wait for it. */
    private volatile boolean writerStarted;
    /** Set (by the writer) once no frame may follow: close frame written, STOP, or a broken socket. */
    private volatile boolean writerDone;
    /** Counted down when the writer is done for good and has let go of the sink. */
    private final CountDownLatch writerExited = new CountDownLatch(1);
    /** Payload bytes queued and not yet handed to the socket. */
    private final AtomicLong queuedBytes = new AtomicLong();
    /**
     * Payload bytes of the messages the writer has taken whole (written to the sink, perhaps not yet
     * flushed). Written only by the one writer running; a reader that sees the peer's close frame reads
     * it to learn which messages went out before that frame could have been an answer to them.
     */
    private volatile long takenBytes;
    /** Payload bytes delivered to the listener and not yet reported {@link #delivered}. */
    private final AtomicLong undelivered = new AtomicLong();
    /** A close frame was queued (by the application, or as the answer to the peer's). */
    private final AtomicBoolean closeQueued = new AtomicBoolean();
    /** The first reason to fail; once set the connection is going down. */
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final AtomicReference<ScheduledFuture<?>> closeTimer = new AtomicReference<>();
    private volatile ScheduledFuture<?> pingTask;
    private volatile ScheduledFuture<?> pongTimer;
    /** Written by the writer: our close frame is on the wire. */
    private volatile boolean closeSent;
    /** Written by the reader after {@link #receivedCode}/{@link #receivedReason}: the peer's close frame arrived. */
    private volatile boolean closeReceived;
    private int receivedCode;
    private String receivedReason;
    /** Set by the reader when it fails the connection: the writer sends this close code next and stops. */
    private volatile int urgentCloseCode = NO_URGENT_CLOSE;
    /** The reader while it waits for the application to catch up. */
    private volatile Thread pausedReader;
    /** Set when the connection has ended and its listener heard so. */
    private volatile boolean finished;
    private final AtomicLong pingSequence = new AtomicLong();
    /**
     * The reader's end and the writer's exit each count down once; the last closes the sink, so it
     * is never closed under a writer (for OkHttp, closing the sink can end the connection).
     */
    private final java.util.concurrent.atomic.AtomicInteger sinkUsers = new java.util.concurrent.atomic.AtomicInteger(2);
    private volatile long awaitedPong = -1;
    /**
     * The payload of the latest ping not answered yet. RFC 6455 section 5.5.3 lets an endpoint that
     * has not yet answered earlier pings answer only the most recent one: so a ping flood from a peer
     * that does not read costs one payload, not a queue of pongs that grows without bound.
     */
    private final java.util.concurrent.atomic.AtomicReference<byte[]> pendingPong = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile Runnable finishedHook;

    /**
     * @param name for thread names and diagnostics
     * @param source the socket's input, already buffered (bytes after the handshake may be in it)
     * @param sink the socket's output
     * @param cancelSocket closes the socket at once; must be thread safe and idempotent
     * @param deflate the negotiated permessage-deflate parameters, or null
     * @param random the masking keys' seed source (client role)
     */
    public WebSocketEndpoint(String name, Role role, BufferedSource source, Sink sink, Runnable cancelSocket,
            PerMessageDeflate deflate, WebSocketSettings settings, ListenerGate listener,
            ScheduledExecutorService timers, SecureRandom random) {
        this(name, role, source, null, sink, cancelSocket, deflate, settings, listener, timers, random);
    }

    /**
     * @param idle the source under {@code source}, used to wait for data without a buffer, or null
     */
    WebSocketEndpoint(String name, Role role, BufferedSource source, IdleReadSource idle, Sink sink,
            Runnable cancelSocket, PerMessageDeflate deflate, WebSocketSettings settings, ListenerGate listener,
            ScheduledExecutorService timers, SecureRandom random) {
        this.name = name;
        this.idle = idle;
        this.role = role;
        this.settings = settings;
        this.listener = listener;
        this.timers = timers;
        this.cancelSocket = cancelSocket;
        this.source = source;
        this.sink = sink;
        this.reader = new FrameReader(source, role, settings.maxIncomingMessageBytes(), deflate, new ReaderEvents());
        this.writer = new FrameWriter(sink, role, deflate, random);
        this.readerThread = Thread.ofVirtual().name(name + "-reader").unstarted(this::readLoop);
        this.writerName = name + "-writer";
    }

    /** Runs {@code hook} on the reader thread once the connection has ended; set before {@link #start()}. */
    public void whenFinished(Runnable hook) {
        this.finishedHook = hook;
    }

    /** Starts reading and writing; call once, after the listener heard {@code onOpen}. */
    public void start() {
        readerThread.start();
        writerStarted = true;
        wakeWriter(); // frames queued before the start
        if (settings.pingEnabled()) {
            long every = settings.pingInterval().toNanos();
            pingTask = schedule(() -> timers.scheduleWithFixedDelay(this::keepAlivePing, every, every, TimeUnit.NANOSECONDS));
        }
    }

    // ------------------------------------------------------------------ any thread

    /** Queues a text message; false if the connection is closing or closed (nothing queued). */
    public boolean sendText(String text) {
        return enqueue(OPCODE_TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Queues a binary message, taking ownership of the buffer (position to limit); false if closing or closed. */
    public boolean sendBinary(ByteBuffer data) {
        return enqueue(OPCODE_BINARY, data);
    }

    /**
     * Starts the closing handshake (RFC 6455 section 7.1.2) after the messages already queued.
     *
     * @param code a close code, or -1 for a close frame without a body
     * @param reason at most 123 UTF-8 bytes; ignored without a code
     */
    public void close(int code, String reason) {
        if (code != -1 && !isValidSentCloseCode(code)) {
            throw new IllegalArgumentException("not a close code that may be sent: " + code);
        }
        if (reason != null && code != -1 && reason.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
            throw new IllegalArgumentException("close reason over 123 UTF-8 bytes");
        }
        queueClose(code, code == -1 ? null : reason);
    }

    /** Fails the connection at once, without a closing handshake; the listener hears {@code cause}. */
    public void abort(FailureCause cause, String detail) {
        if (!failure.compareAndSet(null, new Failure(cause, detail)) || finished) {
            return;
        }
        cancelSocket.run();          // wakes a reader blocked in read and a writer blocked in write
        queue(STOP);                 // lets a writer that is running stop
        wakeReader();
    }

    /** The application dispatched received messages of this many bytes (text: UTF-16 length). */
    public void delivered(long bytes) {
        if (undelivered.addAndGet(-bytes) <= settings.receiveHighWaterMark()) {
            wakeReader();
        }
    }

    /** Payload bytes queued and not yet written to the socket. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    /**
     * Payload bytes of the messages the writer has taken whole, in the order they were queued. Read on
     * the reader thread when the peer's close frame arrives, it tells the messages that were on their
     * way before the close from those still being written (or waiting) then. Any thread.
     */
    public long takenBytes() {
        return takenBytes;
    }

    /** Whether the connection ended and the listener heard {@code onClosed}. */
    public boolean isFinished() {
        return finished;
    }

    @Override
    public String toString() {
        return name;
    }

    private boolean enqueue(int opcode, ByteBuffer payload) {
        if (closeQueued.get() || failure.get() != null) {
            return false;
        }
        long size = payload.remaining();
        if (queuedBytes.addAndGet(size) > settings.maxOutgoingBufferedBytes()) {
            queuedBytes.addAndGet(-size);
            abort(FailureCause.BUFFER_FULL, "outgoing queue over " + settings.maxOutgoingBufferedBytes() + " bytes");
            return false;
        }
        queue(new Message(opcode, payload));
        return true;
    }

    private void queueClose(int code, String reason) {
        if (failure.get() != null || !closeQueued.compareAndSet(false, true)) {
            return;
        }
        queue(new Close(code, reason));
        long nanos = settings.closeTimeout().toNanos();
        ScheduledFuture<?> timer = schedule(() -> timers.schedule(this::closeTimedOut, nanos, TimeUnit.NANOSECONDS));
        closeTimer.set(timer);
        if (finished && timer != null) {
            timer.cancel(false);
        }
    }

    private void closeTimedOut() {
        if (finished) {
            return;
        }
        if (closeSent && closeReceived) {
            // Section 7.1.1: both close frames went through but the server kept TCP open; the
            // client may close it itself. Still a clean close.
            cancelSocket.run();
            wakeReader();
        } else {
            abort(FailureCause.CLOSE_TIMEOUT, "closing handshake not done within " + settings.closeTimeout());
        }
    }

    private void keepAlivePing() {
        if (finished || closeQueued.get() || failure.get() != null || awaitedPong != -1) {
            return;
        }
        long sequence = pingSequence.incrementAndGet();
        awaitedPong = sequence;
        queue(new Control(OPCODE_PING, new byte[0]));
        pongTimer = schedule(() -> timers.schedule(() -> {
            if (awaitedPong == sequence) {
                abort(FailureCause.PONG_TIMEOUT, "no pong within " + settings.pongTimeout());
            }
        }, settings.pongTimeout().toNanos(), TimeUnit.NANOSECONDS));
    }

    private ScheduledFuture<?> schedule(java.util.function.Supplier<ScheduledFuture<?>> scheduling) {
        try {
            return scheduling.get();
        } catch (RejectedExecutionException shutDown) {
            return null; // the client or server is closing and takes its connections down itself
        }
    }

    /** Queues a frame (or STOP/WAKE) and makes sure a writer will take it. */
    private void queue(Object item) {
        outgoing.add(item);
        Thread idle = idleWriter; // read after the add; the writer sets it before it looks at the queue
        if (idle != null) {
            LockSupport.unpark(idle);
        } else {
            wakeWriter();
        }
    }

    /** Starts a writer unless one runs; it drains whatever is queued. */
    private void wakeWriter() {
        if (!writerDone && writerStarted && writing.compareAndSet(false, true)) {
            try {
                Thread.ofVirtual().name(writerName).start(this::writeLoop);
            } catch (RuntimeException | OutOfMemoryError e) {
                writing.set(false);
                throw e;
            }
        }
    }

    private void wakeReader() {
        Thread t = pausedReader;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // ------------------------------------------------------------------ reader thread

    /** The reader's handler: called on the reader thread from within {@link FrameReader#readFrame()}. */
    private final class ReaderEvents implements FrameReader.Handler {
        @Override
        public void onText(String text) {
            undelivered.addAndGet(text.length());
            listener.onText(text);
        }

        @Override
        public void onBinary(ByteBuffer data) {
            undelivered.addAndGet(data.remaining());
            listener.onBinary(data);
        }

        @Override
        public void onPing(byte[] payload) {
            // Section 5.5.2: answer with the same payload, unless our close frame is already queued.
            if (!closeQueued.get() && pendingPong.getAndSet(payload) == null) {
                queue(PONG);
            }
        }

        @Override
        public void onPong(byte[] payload) {
            awaitedPong = -1; // any pong shows the peer is alive (section 5.5.3 allows unsolicited ones)
        }

        @Override
        public void onClose(int code, String reason) {
            receivedCode = code;
            receivedReason = reason;
            closeReceived = true;
            listener.onCloseFrame(code, reason);
            // Section 5.5.1: answer with a close frame echoing the status code, unless we sent one.
            queueClose(code == CLOSE_NO_STATUS ? -1 : code, reason);
        }
    }

    private void readLoop() {
        try {
            while (failure.get() == null) {
                if (idle != null) {
                    idle.awaitData(source.getBuffer()); // a quiet connection waits here, without a buffer
                }
                reader.readFrame();
                if (closeReceived) {
                    afterPeerClose();
                    break;
                }
                awaitDelivery();
            }
        } catch (ProtocolViolation v) {
            failWithCloseFrame(v.failureCause(), v.closeCode(), v.getMessage());
        } catch (IOException | RuntimeException e) {
            if (failure.get() == null && !closeReceived) {
                failure.compareAndSet(null, new Failure(FailureCause.CONNECTION_LOST, describe(e)));
            }
        } finally {
            finish();
        }
    }

    /** Blocks while the application holds more undelivered bytes than the high-water mark. */
    private void awaitDelivery() {
        long highWater = settings.receiveHighWaterMark();
        while (undelivered.get() > highWater && failure.get() == null) {
            pausedReader = Thread.currentThread();
            if (undelivered.get() > highWater && failure.get() == null) {
                LockSupport.park(this);
            }
            pausedReader = null;
        }
    }

    /**
     * The peer's close frame arrived and ours is queued or sent. A server closes TCP once its close
     * frame is out; a client waits for the server to close TCP (section 7.1.1), bounded by the close timer.
     */
    private void afterPeerClose() throws IOException {
        if (role == Role.SERVER) {
            awaitWriter(settings.closeTimeout());
            return;
        }
        // Nothing after a close frame is processed; read and drop until the server closes TCP.
        while (!source.exhausted()) {
            source.getBuffer().clear();
        }
        awaitWriter(settings.closeTimeout());
    }

    /** RFC 6455 section 7.1.7: send a close frame with the code, then drop the connection. */
    private void failWithCloseFrame(FailureCause cause, int code, String detail) {
        if (!failure.compareAndSet(null, new Failure(cause, detail))) {
            return; // already failing for another reason
        }
        if (!closeSent) {
            urgentCloseCode = code;
            queue(WAKE);
            awaitWriter(settings.closeTimeout());
        }
    }

    private void awaitWriter(Duration timeout) {
        try {
            if (!writerExited.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                cancelSocket.run(); // the peer does not read: give up on the close frame
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the connection: closes the socket, frees codec memory, tells the listener once. */
    private void finish() {
        Failure f = failure.get();
        if (f == null && !closeReceived) {
            failure.compareAndSet(null, new Failure(FailureCause.CONNECTION_LOST, "connection closed"));
            f = failure.get();
        }
        cancelTimers();
        queue(STOP);
        cancelSocket.run();
        closeQuietly(source);
        releaseSink();
        reader.release();
        boolean clean = f == null && closeSent && closeReceived;
        finished = true;
        listener.onTraffic(traffic());
        if (f != null) {
            listener.onFailureThenClosed(f.cause(), f.detail());
        } else {
            listener.onClosed(clean, receivedCode, receivedReason);
        }
        Runnable hook = finishedHook;
        if (hook != null) {
            hook.run();
        }
    }

    /**
     * The traffic counters of reader and writer, read once the writer has stopped (the socket is
     * cancelled and STOP queued, so that is at once; the latch orders its counts before these reads).
     */
    private TrafficStats traffic() {
        try {
            writerExited.await(WRITER_EXIT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new TrafficStats(writer.messagesWritten(), writer.payloadBytesWritten(), writer.wireBytesWritten(),
                reader.messagesRead(), reader.payloadBytesRead(), reader.wireBytesRead());
    }

    private void cancelTimers() {
        ScheduledFuture<?> t = closeTimer.get();
        if (t != null) t.cancel(false);
        ScheduledFuture<?> p = pingTask;
        if (p != null) p.cancel(false);
        ScheduledFuture<?> pong = pongTimer;
        if (pong != null) pong.cancel(false);
    }

    // ------------------------------------------------------------------ writer thread

    /**
     * One writer run: drains the queue in batches (flushing after each) until it is empty, then
     * returns, unless a close frame, STOP or a broken socket ends writing for good.
     */
    private void writeLoop() {
        boolean done = false;
        try {
            while (true) {
                Object item = outgoing.poll();
                if (item == null && awaitWork()) {
                    continue;
                }
                if (item == null) {
                    // Hand over: a frame queued after the poll above either sees writing == false and
                    // starts the next writer, or is seen by the check below.
                    writing.set(false);
                    if (outgoing.isEmpty() || !writing.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                long payloadBytes = 0;
                while (item != null) {
                    if (urgentCloseCode != NO_URGENT_CLOSE) {
                        writeUrgentClose();
                        done = true;
                        return;
                    }
                    if (item == STOP) {
                        writer.flush();
                        done = true;
                        return;
                    }
                    if (item instanceof Message m) {
                        long size = m.payload().remaining();
                        writer.writeMessage(m.opcode(), m.payload());
                        payloadBytes += size;
                        takenBytes += size; // the only writer: no lost update
                    } else if (item == PONG) {
                        byte[] pong = pendingPong.getAndSet(null);
                        if (pong != null) writer.writeControl(OPCODE_PONG, pong);
                    } else if (item instanceof Control c) {
                        writer.writeControl(c.opcode(), c.payload());
                    } else if (item instanceof Close c) {
                        writer.writeClose(c.code(), c.reason());
                        writer.flush();
                        closeSent = true;
                        if (sink instanceof EndOfStreamSink) {
                            closeQuietly(sink); // END_STREAM: nothing follows a close frame
                        }
                        reportSent(payloadBytes);
                        done = true;
                        return; // section 5.5.1: nothing may follow a close frame
                    }
                    item = payloadBytes >= BATCH_REPORT_BYTES ? null : outgoing.poll();
                }
                writer.flush();
                reportSent(payloadBytes);
                writer.trim();
            }
        } catch (IOException | RuntimeException e) {
            done = true;
            // The socket broke under the writer: make sure the reader notices and ends the connection.
            if (failure.get() == null && !closeReceived) {
                failure.compareAndSet(null, new Failure(FailureCause.CONNECTION_LOST, "write failed: " + describe(e)));
            }
            cancelSocket.run();
        } finally {
            if (done) {
                writerDone = true;
                writer.release();
                releaseSink();
                writerExited.countDown();
            }
        }
    }

    /** Waits up to the linger time for the queue to get work; whether it did. */
    private boolean awaitWork() {
        long deadline = System.nanoTime() + WRITER_LINGER_NANOS;
        idleWriter = Thread.currentThread();
        try {
            while (outgoing.isEmpty() && !writerDone) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
            }
            return !outgoing.isEmpty();
        } finally {
            idleWriter = null;
        }
    }

    private void writeUrgentClose() throws IOException {
        if (!closeSent) {
            writer.writeClose(urgentCloseCode, null);
            writer.flush();
            closeSent = true;
        }
    }

    private void reportSent(long payloadBytes) {
        if (payloadBytes > 0) {
            queuedBytes.addAndGet(-payloadBytes);
            listener.onBytesSent(payloadBytes);
        }
    }

    // ------------------------------------------------------------------

    private void releaseSink() {
        if (sinkUsers.decrementAndGet() == 0) {
            closeQuietly(sink);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a socket that is already gone
        }
    }
}
