package dev.wsjs.wpt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Fetches test scripts from the WPT server over HTTP(S), the way a page's {@code <script src>} would:
 * the server applies {@code .sub} substitutions and generates wrapper scripts. HTTPS trusts only the
 * checkout's own CA. Responses are cached per URL for the run (many tests load the same
 * testharness.js), and concurrent requests for one URL share one fetch. Thread-safe.
 */
final class ResourceFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

    private final ServerConfig config;
    private final HttpClient http;
    private volatile HttpClient https;
    private final Map<String, CompletableFuture<String>> cache = new ConcurrentHashMap<>();

    ResourceFetcher(ServerConfig config) {
        this.config = config;
        this.http = baseBuilder().build();
    }

    private static HttpClient.Builder baseBuilder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT);
    }

    /**
     * The text of the script at {@code url} (resolved against the page by the caller).
     *
     * @throws IOException on a network error or a status other than 200, naming the URL
     */
    String fetchText(URI url) throws IOException {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing = cache.putIfAbsent(url.toString(), mine);
        if (existing != null) return await(existing);
        try {
            mine.complete(load(url));
        } catch (IOException | RuntimeException e) {
            // A failure is not cached: the next test may find the server in a better state.
            cache.remove(url.toString(), mine);
            mine.completeExceptionally(e);
        }
        return await(mine);
    }

    private static String await(CompletableFuture<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** A response: its status and its body decoded as text. */
    record Fetched(int status, String text) {}

    /**
     * A GET of {@code url} whatever its status, not cached: what the runner's resource {@code fetch}
     * gives a test that loads its data (JSON, IDL) from the server.
     *
     * @throws IOException on a network error
     */
    Fetched fetch(URI url) throws IOException {
        return get(url);
    }

    private String load(URI url) throws IOException {
        Fetched response = get(url);
        if (response.status() != 200) {
            throw new IOException("GET " + url + ": HTTP " + response.status());
        }
        return response.text();
    }

    private Fetched get(URI url) throws IOException {
        URI target = config.fetchUri(url);
        HttpClient client = "https".equals(target.getScheme()) ? httpsClient() : http;
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET " + url + " interrupted", e);
        } catch (IOException e) {
            throw new IOException("GET " + url + ": " + e, e);
        }
        Charset charset = response.headers().firstValue("content-type")
                .map(CHARSET::matcher).filter(Matcher::find)
                .map(m -> Charset.forName(m.group(1), StandardCharsets.UTF_8))
                .orElse(StandardCharsets.UTF_8);
        return new Fetched(response.statusCode(), new String(response.body(), charset));
    }

    /** The HTTPS client is made on first use: the CA file only exists once the server has started. */
    private HttpClient httpsClient() throws IOException {
        HttpClient c = https;
        if (c == null) {
            synchronized (this) {
                c = https;
                if (c == null) {
                    c = baseBuilder().sslContext(trusting(config.caCertificate())).build();
                    https = c;
                }
            }
        }
        return c;
    }

    /** An SSL context that trusts exactly the certificates in {@code pem}, with normal host-name checks. */
    static SSLContext trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new IOException(pem + " holds no certificate");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certs) store.setCertificateEntry("wpt-ca-" + i++, cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + pem + " as a trusted CA: " + e.getMessage(), e);
        }
    }
}
