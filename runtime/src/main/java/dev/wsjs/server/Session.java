package dev.wsjs.server;

import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.WebSocketEndpoint;
import java.nio.ByteBuffer;

/**
 * One accepted WebSocket connection on the server. Thread safe: send and close from any thread.
 */
public final class Session {

    private final long id;
    private final UpgradeRequest request;
    private final String protocol;
    private final String extensions;
    private volatile WebSocketEndpoint endpoint;
    private volatile boolean open = true;

    Session(long id, UpgradeRequest request, String protocol, String extensions) {
        this.id = id;
        this.request = request;
        this.protocol = protocol;
        this.extensions = extensions;
    }

    void attach(WebSocketEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void ended() {
        open = false;
    }

    /** A number unique within the server. */
    public long id() {
        return id;
    }

    /** The handshake request that opened this session. */
    public UpgradeRequest request() {
        return request;
    }

    /** The subprotocol in use, "" for none. */
    public String protocol() {
        return protocol;
    }

    /** The Sec-WebSocket-Extensions value the server answered, "" for none. */
    public String extensions() {
        return extensions;
    }

    /** Whether the session has not ended yet (it may be closing). */
    public boolean isOpen() {
        return open;
    }

    /** Queues a text message; false if the session is closing or closed. */
    public boolean sendText(String text) {
        return endpoint.sendText(text);
    }

    /** Queues a binary message, taking the buffer; false if the session is closing or closed. */
    public boolean sendBinary(ByteBuffer data) {
        return endpoint.sendBinary(data);
    }

    /**
     * Starts the closing handshake after the queued messages.
     *
     * @param code a close code, or -1 for a close frame without a body
     */
    public void close(int code, String reason) {
        endpoint.close(code, reason);
    }

    /** Drops the TCP connection at once, without a close frame. */
    public void abort() {
        endpoint.abort(FailureCause.ABORTED, "aborted by the server");
    }

    /** Payload bytes queued and not yet written. */
    public long queuedBytes() {
        return endpoint.queuedBytes();
    }

    @Override
    public String toString() {
        return "session " + id + " " + request;
    }
}
