package dev.wsjs.internal;

import dev.wsjs.WebSocketDiagnostics;
import dev.wsjs.websocket.WebSocketClient;
import dev.wsjs.websocket.WebSocketSettings;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * How one runtime's WebSocket client is made: the OkHttp client it derives from (proxy, TLS,
 * interceptors), extra trusted CAs, limits and diagnostics. Each runtime gets its own cookie jar.
 *
 * @param maxOpenWebSockets how many WebSockets the runtime's scripts may have that are not CLOSED
 */
public record WebSocketConfig(OkHttpClient base, List<Path> trustedCertificates, WebSocketSettings settings,
                              WebSocketDiagnostics diagnostics, int maxOpenWebSockets) {

    public WebSocketConfig {
        trustedCertificates = List.copyOf(trustedCertificates);
        if (maxOpenWebSockets < 1) {
            throw new IllegalArgumentException("maxOpenWebSockets must be at least 1: " + maxOpenWebSockets);
        }
    }

    /** The OkHttp client every runtime derives from unless its builder names another. */
    private static final class DefaultHttp {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .proxySelector(EnvironmentProxySelector.fromEnvironment())
                .build();
    }

    public static OkHttpClient defaultHttpClient() {
        return DefaultHttp.CLIENT;
    }

    /**
     * A client whose OkHttp side is made on a network thread, off the calling (loop) thread. OkHttp's
     * shared task runner is put on virtual threads first, so connecting leaves no platform threads.
     */
    WebSocketClient newClient() {
        OkHttpTaskThreads.ensureVirtual();
        return new WebSocketClient(() -> {
            OkHttpClient http = (base != null ? base : defaultHttpClient()).newBuilder()
                    .cookieJar(new RuntimeCookieJar())
                    .build();
            return TrustedCertificates.trustAlso(http, trustedCertificates);
        }, settings);
    }
}
