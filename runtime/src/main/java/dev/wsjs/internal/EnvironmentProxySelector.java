package dev.wsjs.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from the conventional environment variables, as curl and Node's undici read them:
 * {@code HTTPS_PROXY} for wss/https, {@code HTTP_PROXY} for ws/http (lower-case names too) and
 * {@code NO_PROXY} (comma-separated host suffixes, {@code *} for all). No variables: no proxy.
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private final Proxy http;
    private final Proxy https;
    private final List<String> noProxy;

    EnvironmentProxySelector(Map<String, String> env) {
        this.http = proxy(get(env, "HTTP_PROXY"));
        this.https = proxy(get(env, "HTTPS_PROXY"));
        String no = get(env, "NO_PROXY");
        this.noProxy = no == null ? List.of()
                : List.of(no.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
    }

    public static ProxySelector fromEnvironment() {
        return new EnvironmentProxySelector(System.getenv());
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) v = env.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Proxy proxy(String value) {
        if (value == null) return Proxy.NO_PROXY;
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        for (String suffix : noProxy) {
            String s = suffix.startsWith(".") ? suffix.substring(1) : suffix;
            if (s.equals("*") || host.equals(s) || host.endsWith("." + s)) return List.of(Proxy.NO_PROXY);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || scheme.equals("wss");
        return List.of(secure ? https : http);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to remember: OkHttp reports the failure to the connection.
    }
}
