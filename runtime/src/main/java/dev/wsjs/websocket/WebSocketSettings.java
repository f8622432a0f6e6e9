package dev.wsjs.websocket;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timers of WebSocket connections. Immutable; start from {@link #defaults()} and
 * change single components with the {@code withX} methods.
 *
 * @param maxIncomingMessageBytes largest message accepted from the peer, counted after inflation;
 *        a bigger one fails the connection with close code 1009
 * @param maxOutgoingBufferedBytes payload bytes that may wait in the outgoing queue; a send beyond
 *        it fails the connection ({@link FailureCause#BUFFER_FULL})
 * @param handshakeTimeout bound on DNS + connect + TLS + the HTTP upgrade
 * @param closeTimeout how long the closing handshake may take once a close frame was queued
 * @param pingInterval interval of keep-alive pings; {@link Duration#ZERO} turns them off
 * @param pongTimeout how long after a keep-alive ping the pong may take
 * @param offerPermessageDeflate whether the client offers permessage-deflate (RFC 7692)
 * @param receiveHighWaterMark received payload not yet reported {@link WebSocketConnection#delivered
 *        delivered} above which the reader stops reading from the socket
 * @param http2 whether {@code wss:} connections offer HTTP/2 in ALPN and, where the server enables
 *        extended CONNECT, run the WebSocket on an HTTP/2 stream (RFC 8441), as browsers do
 */
public record WebSocketSettings(long maxIncomingMessageBytes, long maxOutgoingBufferedBytes,
        Duration handshakeTimeout, Duration closeTimeout, Duration pingInterval,
        Duration pongTimeout, boolean offerPermessageDeflate, long receiveHighWaterMark, boolean http2) {

    private static final long MIB = 1024 * 1024;

    public WebSocketSettings {
        if (maxIncomingMessageBytes < 1 || maxIncomingMessageBytes > Integer.MAX_VALUE - 16) {
            // A message is reassembled in one Java array.
            throw new IllegalArgumentException("maxIncomingMessageBytes must be in 1.." + (Integer.MAX_VALUE - 16)
                    + ": " + maxIncomingMessageBytes);
        }
        if (maxOutgoingBufferedBytes < 0) {
            throw new IllegalArgumentException("maxOutgoingBufferedBytes must be >= 0: " + maxOutgoingBufferedBytes);
        }
        if (receiveHighWaterMark < 0) {
            throw new IllegalArgumentException("receiveHighWaterMark must be >= 0: " + receiveHighWaterMark);
        }
        requirePositive("handshakeTimeout", handshakeTimeout);
        requirePositive("closeTimeout", closeTimeout);
        requirePositive("pongTimeout", pongTimeout);
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must be >= 0 (0 = no keep-alive pings): " + pingInterval);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    /**
     * 64 MiB in, 64 MiB outgoing buffer, 30 s handshake, 5 s close, no keep-alive pings, 30 s pong
     * timeout, permessage-deflate offered, 4 MiB receive high-water mark, HTTP/2 offered on wss:.
     */
    public static WebSocketSettings defaults() {
        return new WebSocketSettings(64 * MIB, 64 * MIB, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ZERO, Duration.ofSeconds(30), true, 4 * MIB, true);
    }

    /** Whether keep-alive pings are on. */
    public boolean pingEnabled() {
        return !pingInterval.isZero();
    }

    public WebSocketSettings withMaxIncomingMessageBytes(long value) {
        return new WebSocketSettings(value, maxOutgoingBufferedBytes, handshakeTimeout, closeTimeout,
                pingInterval, pongTimeout, offerPermessageDeflate, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withMaxOutgoingBufferedBytes(long value) {
        return new WebSocketSettings(maxIncomingMessageBytes, value, handshakeTimeout, closeTimeout,
                pingInterval, pongTimeout, offerPermessageDeflate, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withHandshakeTimeout(Duration value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, value, closeTimeout,
                pingInterval, pongTimeout, offerPermessageDeflate, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withCloseTimeout(Duration value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, handshakeTimeout, value,
                pingInterval, pongTimeout, offerPermessageDeflate, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withPingInterval(Duration value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, handshakeTimeout,
                closeTimeout, value, pongTimeout, offerPermessageDeflate, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withPongTimeout(Duration value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, handshakeTimeout,
                closeTimeout, pingInterval, value, offerPermessageDeflate, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withOfferPermessageDeflate(boolean value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, handshakeTimeout,
                closeTimeout, pingInterval, pongTimeout, value, receiveHighWaterMark, http2);
    }

    public WebSocketSettings withReceiveHighWaterMark(long value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, handshakeTimeout,
                closeTimeout, pingInterval, pongTimeout, offerPermessageDeflate, value, http2);
    }

    public WebSocketSettings withHttp2(boolean value) {
        return new WebSocketSettings(maxIncomingMessageBytes, maxOutgoingBufferedBytes, handshakeTimeout,
                closeTimeout, pingInterval, pongTimeout, offerPermessageDeflate, receiveHighWaterMark, value);
    }
}
