package dev.wsjs.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookie store of one runtime (a browser profile's jar): the WebSocket handshake sends the
 * matching cookies and stores what `Set-Cookie` returns (credentials mode "include").
 * Thread-safe: handshakes run on network threads.
 */
public final class RuntimeCookieJar implements CookieJar {

    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie c : received) {
            // A new cookie replaces one with the same name, domain and path (RFC 6265 §5.3 step 11).
            cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain())
                    && old.path().equals(c.path()));
            if (c.expiresAt() > System.currentTimeMillis()) cookies.add(c);
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        List<Cookie> matching = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
            Cookie c = it.next();
            if (c.expiresAt() <= now) {
                it.remove();
            } else if (c.matches(url)) {
                matching.add(c);
            }
        }
        return matching;
    }
}
