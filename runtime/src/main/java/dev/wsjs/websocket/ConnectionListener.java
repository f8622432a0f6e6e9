package dev.wsjs.websocket;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Receives the events of one connection. Called on network threads, in order, never concurrently
 * for one connection, and never after {@link #onClosed}. Implementations only post to the loop:
 * blocking here stalls the connection.
 */
public interface ConnectionListener {

    /**
     * Diagnostics only: the server's answer to the opening handshake arrived, before it is checked
     * (so {@code onOpen} or {@code onFailure} follows). Header names are lower case, values in order.
     */
    default void onHandshakeResponse(int status, Map<String, List<String>> headers) {}

    /** After a fully validated 101: the subprotocol and extensions in use ("" for none). */
    void onOpen(String protocol, String extensions);

    /** A whole text message, UTF-8 validated. */
    void onText(String text);

    /** A whole binary message, position 0 to limit; the buffer is exclusively owned by the listener. */
    void onBinary(ByteBuffer data);

    /** The peer's close frame arrived (code 1005 if it had none): the connection is closing. */
    void onCloseFrame(int code, String reason);

    /** Diagnostics only; always followed by {@code onClosed(false, 1006, "")}. */
    void onFailure(FailureCause cause, String detail);

    /** Diagnostics only: what a connection that opened carried; once, right before its {@code onFailure}/{@code onClosed}. */
    default void onTraffic(TrafficStats traffic) {}

    /** Exactly once, last. */
    void onClosed(boolean wasClean, int code, String reason);

    /**
     * Payload bytes of messages handed to the socket since the last call (the buffered amount falls).
     * Text counts its UTF-8 length; control frames do not count.
     */
    void onBytesSent(long payloadBytes);
}
