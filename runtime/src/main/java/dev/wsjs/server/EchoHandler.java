package dev.wsjs.server;

import java.nio.ByteBuffer;

/**
 * Sends every message back as it came (text as text, binary as binary), chooses the first
 * subprotocol the client offered, and answers a close frame with the same code and reason.
 */
public final class EchoHandler implements Handler {

    @Override
    public HandshakeDecision onHandshake(UpgradeRequest request) {
        return HandshakeDecision.accept(request.protocols().isEmpty() ? null : request.protocols().get(0));
    }

    @Override
    public void onText(Session session, String text) {
        session.sendText(text);
    }

    @Override
    public void onBinary(Session session, ByteBuffer data) {
        session.sendBinary(data);
    }
}
