package dev.wsjs.websocket;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a {@link ConnectionListener}'s guarantees true: calls for one connection come from several
 * threads (the handshake callback, the reader, the writer's byte counts) but never overlap, and
 * nothing follows {@code onClosed}. A listener that throws is a bug in the listener: the exception
 * is logged and the connection goes on.
 *
 * <p>Thread safe. {@link #closed} is guarded by {@link #lock}.
 */
public final class ListenerGate {

    private static final System.Logger LOG = System.getLogger(ListenerGate.class.getName());

    private final ConnectionListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    public ListenerGate(ConnectionListener listener) {
        this.listener = listener;
    }

    public void onHandshakeResponse(int status, java.util.Map<String, java.util.List<String>> headers) {
        lock.lock();
        try {
            if (!closed) listener.onHandshakeResponse(status, headers);
        } catch (RuntimeException e) {
            report("onHandshakeResponse", e);
        } finally {
            lock.unlock();
        }
    }

    public void onTraffic(TrafficStats traffic) {
        lock.lock();
        try {
            if (!closed) listener.onTraffic(traffic);
        } catch (RuntimeException e) {
            report("onTraffic", e);
        } finally {
            lock.unlock();
        }
    }

    public void onOpen(String protocol, String extensions) {
        lock.lock();
        try {
            if (!closed) listener.onOpen(protocol, extensions);
        } catch (RuntimeException e) {
            report("onOpen", e);
        } finally {
            lock.unlock();
        }
    }

    public void onText(String text) {
        lock.lock();
        try {
            if (!closed) listener.onText(text);
        } catch (RuntimeException e) {
            report("onText", e);
        } finally {
            lock.unlock();
        }
    }

    public void onBinary(ByteBuffer data) {
        lock.lock();
        try {
            if (!closed) listener.onBinary(data);
        } catch (RuntimeException e) {
            report("onBinary", e);
        } finally {
            lock.unlock();
        }
    }

    public void onCloseFrame(int code, String reason) {
        lock.lock();
        try {
            if (!closed) listener.onCloseFrame(code, reason);
        } catch (RuntimeException e) {
            report("onCloseFrame", e);
        } finally {
            lock.unlock();
        }
    }

    public void onBytesSent(long payloadBytes) {
        lock.lock();
        try {
            if (!closed) listener.onBytesSent(payloadBytes);
        } catch (RuntimeException e) {
            report("onBytesSent", e);
        } finally {
            lock.unlock();
        }
    }

    /** Reports a failure and then the close: {@code onFailure} followed by {@code onClosed(false, 1006, "")}. */
    public void onFailureThenClosed(FailureCause cause, String detail) {
        lock.lock();
        try {
            if (closed) return;
            try {
                listener.onFailure(cause, detail);
            } catch (RuntimeException e) {
                report("onFailure", e);
            }
            closeLocked(false, WebSocketProtocol.CLOSE_ABNORMAL, "");
        } finally {
            lock.unlock();
        }
    }

    public void onClosed(boolean wasClean, int code, String reason) {
        lock.lock();
        try {
            if (!closed) closeLocked(wasClean, code, reason);
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code onClosed} was delivered. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked(boolean wasClean, int code, String reason) {
        closed = true;
        try {
            listener.onClosed(wasClean, code, reason);
        } catch (RuntimeException e) {
            report("onClosed", e);
        }
    }

    private static void report(String method, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "WebSocket listener threw from " + method, e);
    }
}
