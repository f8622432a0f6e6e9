package dev.wsjs.server;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Sends every message to all sessions of the route, the sender included. */
public final class BroadcastHandler implements Handler {

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public HandshakeDecision onHandshake(UpgradeRequest request) {
        return HandshakeDecision.accept(request.protocols().isEmpty() ? null : request.protocols().get(0));
    }

    @Override
    public void onOpen(Session session, UpgradeRequest request) {
        sessions.add(session);
    }

    @Override
    public void onText(Session session, String text) {
        for (Session s : sessions) {
            s.sendText(text);
        }
    }

    @Override
    public void onBinary(Session session, ByteBuffer data) {
        for (Session s : sessions) {
            s.sendBinary(data.duplicate()); // each send owns its view; the bytes are shared read-only
        }
    }

    @Override
    public void onClose(Session session, int code, String reason, boolean wasClean) {
        sessions.remove(session);
    }

    /** How many sessions are connected to this route. */
    public int size() {
        return sessions.size();
    }
}
