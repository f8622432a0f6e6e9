package dev.wsjs.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A market-data feed: numbered ticks sent to every session of the route, as JSON text messages
 * {@code {"type":"tick","seq":42,"symbol":"WSJS","price":101.25,"time":1764300000000}}.
 * Built in as {@code /ticks}.
 *
 * <p>While at least one session is open, a synthetic tick (three symbols in turn, prices from a
 * fixed formula of the sequence number) is published every {@code interval}; {@link #publish} adds
 * ticks by hand. Sequence numbers start at 1 and never repeat within a handler, even across server
 * restarts that reuse the handler, so a subscriber can resume where it stopped.
 *
 * <p>Query parameters of the handshake:
 * <ul>
 *   <li>{@code since=N}: first replays the retained ticks numbered above N (the last
 *       {@code retain} ticks are kept), then continues live — no gap and no duplicate for a
 *       subscriber that resumes with the last number it saw.</li>
 *   <li>{@code dropAfter=K}: drops the connection without a closing handshake once K ticks are written, to
 *       try a client's reconnection logic against a flaky feed.</li>
 * </ul>
 *
 * <p>Thread safe. Publishing and subscribing hold this handler's lock, so every session sees the
 * ticks in sequence order; sending only queues the message.
 */
public final class TickerHandler implements Handler {

    /** The interval of the built-in {@code /ticks} route. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    private static final String[] SYMBOLS = {"WSJS", "JVM", "OKIO"};

    /** A published tick. */
    public record Tick(long seq, String symbol, double price, long time) {
        /** The message sent to subscribers. */
        public String json() {
            return String.format(Locale.ROOT, "{\"type\":\"tick\",\"seq\":%d,\"symbol\":\"%s\",\"price\":%.2f,\"time\":%d}",
                    seq, symbol, price, time);
        }
    }

    private final Duration interval;
    private final int retain;
    // All mutable state is guarded by this.
    private final ArrayDeque<Tick> retained = new ArrayDeque<>();
    private final Map<Session, Subscription> subscribers = new HashMap<>();
    private long lastSeq;
    private ScheduledExecutorService clock;

    /** A feed publishing every {@link #DEFAULT_INTERVAL}, retaining the last 1024 ticks. */
    public TickerHandler() {
        this(DEFAULT_INTERVAL, 1024);
    }

    /**
     * @param interval how often a synthetic tick is published while someone listens; {@link Duration#ZERO}
     *                 for a feed that only sends what {@link #publish} adds
     * @param retain   how many recent ticks are kept for {@code since=} replays
     */
    public TickerHandler(Duration interval, int retain) {
        if (interval.isNegative()) throw new IllegalArgumentException("negative interval " + interval);
        if (retain < 0) throw new IllegalArgumentException("negative retain " + retain);
        this.interval = interval;
        this.retain = retain;
    }

    /** Publishes the next synthetic tick now. */
    public Tick publish() {
        synchronized (this) {
            long seq = lastSeq + 1;
            return publish(SYMBOLS[(int) ((seq - 1) % SYMBOLS.length)], syntheticPrice(seq));
        }
    }

    /** Publishes a tick with the next sequence number to every session. */
    public synchronized Tick publish(String symbol, double price) {
        Objects.requireNonNull(symbol, "symbol");
        Tick tick = new Tick(++lastSeq, symbol, price, System.currentTimeMillis());
        if (retain > 0) {
            if (retained.size() == retain) retained.removeFirst();
            retained.addLast(tick);
        }
        String message = tick.json();
        // Drops happen after the loop: a session leaving changes the map.
        for (Map.Entry<Session, Subscription> e : Map.copyOf(subscribers).entrySet()) {
            send(e.getKey(), e.getValue(), message);
        }
        return tick;
    }

    /** The sequence number of the last published tick, 0 before the first. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** The retained ticks, oldest first (a copy). */
    public synchronized java.util.List<Tick> retained() {
        return java.util.List.copyOf(retained);
    }

    /** Sessions currently subscribed. */
    public synchronized int subscribers() {
        return subscribers.size();
    }

    /** A smooth, repeatable price per symbol, so a feed restarted with the same numbers tells the same story. */
    private static double syntheticPrice(long seq) {
        int symbol = (int) ((seq - 1) % SYMBOLS.length);
        double base = 100 + 40 * symbol;
        double price = base + 6 * Math.sin(seq / 37.0) + 1.5 * Math.sin(seq / 5.3 + symbol);
        return Math.round(price * 100) / 100.0;
    }

    @Override
    public HandshakeDecision onHandshake(UpgradeRequest request) {
        try {
            Subscription.parse(request.query());
        } catch (IllegalArgumentException e) {
            return HandshakeDecision.reject(400, e.getMessage());
        }
        return HandshakeDecision.accept();
    }

    @Override
    public synchronized void onOpen(Session session, UpgradeRequest request) {
        Subscription subscription = Subscription.parse(request.query());
        subscribers.put(session, subscription);
        if (subscription.since >= 0) {
            for (Tick tick : retained) {
                if (tick.seq() > subscription.since) send(session, subscription, tick.json());
            }
        }
        if (clock == null && !interval.isZero() && subscribers.containsKey(session)) {
            clock = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("wsjs-ticks").factory());
            long nanos = interval.toNanos();
            clock.scheduleAtFixedRate(this::publish, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public synchronized void onClose(Session session, int code, String reason, boolean wasClean) {
        subscribers.remove(session);
        if (subscribers.isEmpty() && clock != null) {
            // Nobody listens: stop the clock, so a server's close leaves no thread behind.
            clock.shutdownNow();
            clock = null;
        }
    }

    /** Called with the lock held. */
    private void send(Session session, Subscription subscription, String message) {
        if (!session.sendText(message)) return;
        if (++subscription.sent == subscription.dropAfter) {
            subscribers.remove(session);
            // Abort drops what is still queued: let the K ticks reach the socket first.
            Thread.ofVirtual().name("wsjs-ticks-drop").start(() -> abortWhenFlushed(session));
        }
    }

    private static void abortWhenFlushed(Session session) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            while (session.queuedBytes() > 0 && System.nanoTime() < deadline) Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.abort();
    }

    /** One session's options and count of ticks sent. Guarded by the handler's lock. */
    private static final class Subscription {
        final long since;
        final long dropAfter;
        long sent;

        private Subscription(long since, long dropAfter) {
            this.since = since;
            this.dropAfter = dropAfter;
        }

        static Subscription parse(String query) {
            long since = -1;
            long dropAfter = -1;
            if (query != null && !query.isEmpty()) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    switch (name) {
                        case "since" -> since = number(name, value, 0);
                        case "dropAfter" -> dropAfter = number(name, value, 1);
                        default -> { } // other parameters (cache busters, tokens) are not ours
                    }
                }
            }
            return new Subscription(since, dropAfter);
        }

        private static long number(String name, String value, long min) {
            try {
                long n = Long.parseLong(value);
                if (n >= min) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be an integer >= " + min + ", not '" + value + "'");
        }
    }
}
