package dev.wsjs;

import dev.wsjs.websocket.FailureCause;

/**
 * What scripts are not allowed to see: the real cause of a failed WebSocket connection (the
 * standard hides DNS errors, refused connections, TLS failures, bad handshakes and bad ports behind
 * code 1006). Invoked on network threads; implementations must be thread-safe and quick.
 */
public interface WebSocketDiagnostics {

    /** A connection failed; {@code detail} says why in words a developer can act on. */
    default void onFailure(String url, FailureCause cause, String detail) {}

    /** A connection opened with this subprotocol and these extensions. */
    default void onOpen(String url, String protocol, String extensions) {}

    /** A connection closed. */
    default void onClosed(String url, boolean wasClean, int code, String reason) {}

    /** Diagnostics that print one line per event to a stream (the CLI's {@code --verbose}). */
    static WebSocketDiagnostics printingTo(java.io.PrintStream out) {
        return new WebSocketDiagnostics() {
            @Override
            public void onFailure(String url, FailureCause cause, String detail) {
                out.println("wsjs: WebSocket " + url + " failed (" + cause + "): " + detail);
            }

            @Override
            public void onOpen(String url, String protocol, String extensions) {
                out.println("wsjs: WebSocket " + url + " open (protocol '" + protocol + "', extensions '" + extensions + "')");
            }

            @Override
            public void onClosed(String url, boolean wasClean, int code, String reason) {
                out.println("wsjs: WebSocket " + url + " closed (code " + code + ", clean " + wasClean
                        + (reason.isEmpty() ? "" : ", reason '" + reason + "'") + ")");
            }
        };
    }

    WebSocketDiagnostics NONE = new WebSocketDiagnostics() {};

    /**
     * Diagnostics as {@link System.Logger} records (logger {@code dev.wsjs.websocket}) at DEBUG, so the
     * JDK's default console logging (INFO and up) stays quiet. The default of every runtime; a logging
     * backend configured for DEBUG shows them.
     */
    static WebSocketDiagnostics systemLogger() {
        System.Logger log = System.getLogger("dev.wsjs.websocket");
        return new WebSocketDiagnostics() {
            @Override
            public void onFailure(String url, FailureCause cause, String detail) {
                if (log.isLoggable(System.Logger.Level.DEBUG)) {
                    log.log(System.Logger.Level.DEBUG, "WebSocket {0} failed ({1}): {2}", url, cause, detail);
                }
            }

            @Override
            public void onOpen(String url, String protocol, String extensions) {
                if (log.isLoggable(System.Logger.Level.DEBUG)) {
                    log.log(System.Logger.Level.DEBUG, "WebSocket {0} open (protocol ''{1}'', extensions ''{2}'')",
                            url, protocol, extensions);
                }
            }

            @Override
            public void onClosed(String url, boolean wasClean, int code, String reason) {
                if (log.isLoggable(System.Logger.Level.DEBUG)) {
                    log.log(System.Logger.Level.DEBUG, "WebSocket {0} closed (code {1}, clean {2}, reason ''{3}'')",
                            url, code, wasClean, reason);
                }
            }
        };
    }
}
