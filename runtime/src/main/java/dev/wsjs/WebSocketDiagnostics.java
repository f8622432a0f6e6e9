package dev.wsjs;

import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.TrafficStats;
import java.util.List;
import java.util.Map;

/**
 * What scripts are not allowed to see: the lifecycle of each WebSocket connection in detail — the
 * server's handshake answer, the real cause of a failure (the standard hides DNS errors, refused
 * connections, TLS failures, bad handshakes and bad ports behind code 1006), close codes and the
 * traffic of the connection. For one connection the calls come in order: {@code onHandshakeResponse}
 * (if the server answered), then {@code onOpen} or {@code onFailure}, then {@code onClosed} once.
 * Invoked on network threads; implementations must be thread-safe and quick. Every method has a
 * default that does nothing, so an implementation overrides only what it needs.
 */
public interface WebSocketDiagnostics {

    /** A connection failed; {@code detail} says why in words a developer can act on. */
    default void onFailure(String url, FailureCause cause, String detail) {}

    /**
     * The server answered the opening handshake with this HTTP status and these headers (names in
     * lower case, values in the order received), before the answer is checked: a 101 may still fail.
     */
    default void onHandshakeResponse(String url, int status, Map<String, List<String>> headers) {}

    /** A connection opened with this subprotocol and these extensions. */
    default void onOpen(String url, String protocol, String extensions) {}

    /** A connection closed. Called by the default {@link #onClosed(String, boolean, int, String, TrafficStats)}. */
    default void onClosed(String url, boolean wasClean, int code, String reason) {}

    /**
     * A connection closed, with what it carried ({@link TrafficStats#NONE} if it never opened). The
     * one the runtime calls; the default hands on to {@link #onClosed(String, boolean, int, String)}.
     */
    default void onClosed(String url, boolean wasClean, int code, String reason, TrafficStats traffic) {
        onClosed(url, wasClean, code, reason);
    }

    /** Diagnostics that print one line per event to a stream (the CLI's {@code --verbose}). */
    static WebSocketDiagnostics printingTo(java.io.PrintStream out) {
        return new WebSocketDiagnostics() {
            @Override
            public void onFailure(String url, FailureCause cause, String detail) {
                out.println("wsjs: WebSocket " + url + " failed (" + cause + "): " + detail);
            }

            @Override
            public void onHandshakeResponse(String url, int status, Map<String, List<String>> headers) {
                out.println("wsjs: WebSocket " + url + " handshake answered " + status + " (" + headerLine(headers) + ")");
            }

            @Override
            public void onOpen(String url, String protocol, String extensions) {
                out.println("wsjs: WebSocket " + url + " open (protocol '" + protocol + "', extensions '" + extensions + "')");
            }

            @Override
            public void onClosed(String url, boolean wasClean, int code, String reason, TrafficStats traffic) {
                out.println("wsjs: WebSocket " + url + " closed (code " + code + ", clean " + wasClean
                        + (reason.isEmpty() ? "" : ", reason '" + reason + "'") + "; " + traffic + ")");
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
            public void onHandshakeResponse(String url, int status, Map<String, List<String>> headers) {
                if (log.isLoggable(System.Logger.Level.DEBUG)) {
                    log.log(System.Logger.Level.DEBUG, "WebSocket {0} handshake answered {1} ({2})",
                            url, String.valueOf(status), headerLine(headers));
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
            public void onClosed(String url, boolean wasClean, int code, String reason, TrafficStats traffic) {
                if (log.isLoggable(System.Logger.Level.DEBUG)) {
                    log.log(System.Logger.Level.DEBUG, "WebSocket {0} closed (code {1}, clean {2}, reason ''{3}''; {4})",
                            url, String.valueOf(code), wasClean, reason, traffic);
                }
            }
        };
    }

    /** Headers as {@code name: value; name: value}, for one log line. */
    private static String headerLine(Map<String, List<String>> headers) {
        StringBuilder sb = new StringBuilder();
        headers.forEach((name, values) -> {
            for (String value : values) {
                if (!sb.isEmpty()) sb.append("; ");
                sb.append(name).append(": ").append(value);
            }
        });
        return sb.toString();
    }
}
