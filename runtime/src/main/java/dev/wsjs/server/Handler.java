package dev.wsjs.server;

import java.nio.ByteBuffer;

/**
 * What a route of {@link LocalWebSocketServer} does with its connections. All methods of one
 * session are called on that session's reader thread, in order; a slow handler slows only its
 * session (it is the session's backpressure). A handler that throws closes the session with 1011.
 */
public interface Handler {

    /**
     * Decides the handshake; called before anything is answered. The default accepts without a
     * subprotocol (a client that asked for one will then fail the connection).
     */
    default HandshakeDecision onHandshake(UpgradeRequest request) {
        return HandshakeDecision.accept();
    }

    /** The session is open; messages may be sent from here on. */
    default void onOpen(Session session, UpgradeRequest request) {}

    /** A whole text message. */
    default void onText(Session session, String text) {}

    /** A whole binary message; the buffer belongs to the handler (it may be sent back as is). */
    default void onBinary(Session session, ByteBuffer data) {}

    /**
     * The session ended, exactly once.
     *
     * @param code the client's close code (1005 if its close frame had none), or 1006 if there was no closing handshake
     */
    default void onClose(Session session, int code, String reason, boolean wasClean) {}
}
