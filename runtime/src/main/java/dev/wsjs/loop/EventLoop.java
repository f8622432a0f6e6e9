package dev.wsjs.loop;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An HTML-Standard style event loop: one task queue fed from any thread, a timer heap and
 * keep-alive accounting, run by ONE thread, the loop thread, which also owns the JavaScript
 * context. A microtask checkpoint follows every task: GraalJS drains its promise jobs when the
 * outermost call into JavaScript returns, and every task is such a call.
 *
 * <p>Threads: {@link #post}, {@link #ref()}, {@link #unref()} and {@link #wakeUp()} may be called
 * from any thread. Everything else is invoked only by the loop thread.
 */
public final class EventLoop {

    /** A queued task: what to run and the task source it was queued on. */
    public record Task(TaskSource source, Runnable action) {}

    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    /** Open network resources and other things outside the loop that will post tasks later. */
    private final AtomicInteger externalRefs = new AtomicInteger();

    // Loop thread only.
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Map<Long, Timer> timersById = new HashMap<>();
    private long nextTimerSequence;
    private int refTimers;
    private boolean stopped;
    /** Counts tasks run; lets the JS layer sample state "as of the last time the loop reached step 1". */
    private long taskSerial;

    private volatile Thread owner;
    /** Set by the loop thread from just before its last look at the queue until it stops waiting. */
    private volatile boolean waiting;
    private final java.util.function.Consumer<RuntimeException> taskErrorHandler;
    /** Run by the loop thread around every task (e.g. a per-task statement budget); no-ops by default. */
    private Runnable beforeTask = () -> {};
    private Runnable afterTask = () -> {};

    /**
     * @param owner the loop thread
     * @param taskErrorHandler receives what a task throws; the loop then goes on with the next task
     */
    public EventLoop(Thread owner, java.util.function.Consumer<RuntimeException> taskErrorHandler) {
        this.owner = owner;
        this.taskErrorHandler = taskErrorHandler;
    }

    /** The thread that owns this loop (and the JavaScript context). */
    public Thread owner() {
        return owner;
    }

    /** Hands the loop (and with it the context) to another thread, e.g. a dedicated loop thread. */
    public void transferTo(Thread newOwner) {
        this.owner = newOwner;
    }

    /**
     * Sets what runs right before and right after every task, on the loop thread. {@code after}
     * runs even when the task threw (after the error handler).
     */
    public void setTaskHooks(Runnable before, Runnable after) {
        this.beforeTask = java.util.Objects.requireNonNull(before, "before");
        this.afterTask = java.util.Objects.requireNonNull(after, "after");
    }

    /** Whether the calling thread is the loop thread. */
    public boolean inLoopThread() {
        return Thread.currentThread() == owner;
    }

    /** Throws unless called on the loop thread; {@code what} names the operation for the message. */
    public void checkLoopThread(String what) {
        if (!inLoopThread()) {
            throw new IllegalStateException(what + " must be called on the runtime's loop thread ("
                    + owner.getName() + "), not on " + Thread.currentThread().getName()
                    + "; use submit(...) from other threads");
        }
    }

    // ---------------------------------------------------------------- any thread

    /**
     * Queues a task. Safe from any thread; wakes the loop if it waits. A busy loop is not woken: on a
     * stream of messages that spares the network thread a wake-up call per message.
     */
    public void post(TaskSource source, Runnable action) {
        tasks.add(new Task(source, action));
        // Read after the (volatile) add; the loop announces waiting before it checks the queue a last
        // time, so one of the two sees the other and no wake-up is lost.
        if (waiting) LockSupport.unpark(owner);
    }

    /** Counts an outside resource (an open socket …) that keeps the loop alive until {@link #unref()}. */
    public void ref() {
        externalRefs.incrementAndGet();
    }

    /** Releases one {@link #ref()}; wakes the loop so it can notice it became idle. */
    public void unref() {
        externalRefs.decrementAndGet();
        wakeUp();
    }

    /** Wakes the loop thread if it is waiting. */
    public void wakeUp() {
        LockSupport.unpark(owner);
    }

    // ---------------------------------------------------------------- loop thread

    /**
     * Starts a timer that queues {@code action} on the timer task source after {@code delayMillis}.
     * Timers that expire at the same time run in the order they were started.
     *
     * @param ref whether the timer keeps the loop alive (like Node's ref'd timers)
     * @return a handle for {@link #cancelTimer}
     */
    public long startTimer(double delayMillis, boolean ref, Runnable action) {
        long due = System.nanoTime() + (long) (Math.max(0, delayMillis) * 1_000_000d);
        Timer t = new Timer(due, ++nextTimerSequence, ref, action);
        timers.add(t);
        timersById.put(t.sequence, t);
        if (ref) refTimers++;
        return t.sequence;
    }

    /** Cancels a timer; unknown or already fired handles are ignored. */
    public void cancelTimer(long handle) {
        Timer t = timersById.remove(handle);
        if (t != null && !t.cancelled) {
            t.cancelled = true;
            timers.remove(t);
            if (t.ref) refTimers--;
        }
    }

    /** The number of tasks started so far; changes exactly when a new task begins. */
    public long taskSerial() {
        return taskSerial;
    }

    /** Whether anything is left that could queue or run a task. */
    public boolean isAlive() {
        return !stopped && (!tasks.isEmpty() || refTimers > 0 || externalRefs.get() > 0);
    }

    /** Makes {@link #runUntilIdle()} and friends return after the current task. */
    public void stop() {
        stopped = true;
        wakeUp();
    }

    public boolean isStopped() {
        return stopped;
    }

    /**
     * Runs at most one task, waiting up to {@code maxWaitNanos} for one to become runnable.
     *
     * @return true if a task ran
     */
    public boolean runOnce(long maxWaitNanos) {
        checkLoopThread("runOnce");
        long deadline = System.nanoTime() + Math.max(0, maxWaitNanos);
        while (!stopped) {
            queueExpiredTimers();
            Task task = tasks.poll();
            if (task != null) {
                taskSerial++;
                beforeTask.run();
                try {
                    task.action().run();
                } catch (RuntimeException e) {
                    taskErrorHandler.accept(e);
                } finally {
                    afterTask.run();
                }
                return true;
            }
            long now = System.nanoTime();
            long wait = deadline - now;
            Timer next = timers.peek();
            if (next != null) wait = Math.min(wait, next.due - now);
            if (wait <= 0) {
                if (deadline - now <= 0) return false;
                continue;
            }
            waiting = true;
            if (tasks.isEmpty() && !stopped) LockSupport.parkNanos(this, wait);
            waiting = false;
        }
        return false;
    }

    /** Runs tasks until nothing is pending (no task, no ref'd timer, no ref'd resource) or {@link #stop()}. */
    public void runUntilIdle() {
        checkLoopThread("runUntilIdle");
        while (isAlive()) {
            runOnce(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    /**
     * Runs tasks until {@code done} holds, the loop becomes idle, or the timeout passes.
     *
     * @return whether {@code done} held when this returned
     */
    public boolean runUntil(BooleanSupplier done, long timeoutNanos) {
        checkLoopThread("runUntil");
        long deadline = System.nanoTime() + timeoutNanos;
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !isAlive()) return done.getAsBoolean();
            runOnce(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)));
        }
        return true;
    }

    /** Runs forever (until {@link #stop()}), waiting for work when idle; for dedicated loop threads. */
    public void runUntilStopped() {
        checkLoopThread("runUntilStopped");
        while (!stopped) {
            runOnce(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** Drops every timer and queued task (used when the runtime closes). */
    public void clear() {
        timers.clear();
        timersById.clear();
        refTimers = 0;
        tasks.clear();
    }

    /** Moves every expired timer, in (due time, start order), onto the task queue. */
    private void queueExpiredTimers() {
        long now = System.nanoTime();
        Timer t;
        while ((t = timers.peek()) != null && t.due - now <= 0) {
            timers.poll();
            timersById.remove(t.sequence);
            if (t.ref) refTimers--;
            // A task queued here may still be cancelled before it runs (clearTimeout from an
            // earlier task): the JS layer checks its own map of active timers when it fires.
            tasks.add(new Task(TaskSource.TIMER, t.action));
        }
    }

    private static final class Timer implements Comparable<Timer> {
        final long due;
        final long sequence;
        final boolean ref;
        final Runnable action;
        boolean cancelled;

        Timer(long due, long sequence, boolean ref, Runnable action) {
            this.due = due;
            this.sequence = sequence;
            this.ref = ref;
            this.action = action;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due - o.due, 0);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
