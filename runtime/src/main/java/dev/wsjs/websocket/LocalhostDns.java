package dev.wsjs.websocket;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * Resolves every subdomain of {@code localhost} ({@code my_app.localhost}, {@code a.b.localhost})
 * to what {@code localhost} resolves to, without asking DNS, as browsers do: RFC 6761 section 6.3
 * says such names are loopback names and resolvers should not send them out. System resolvers
 * often know only {@code localhost} itself, so without this a URL a browser opens would fail here.
 * Every other name goes to the wrapped resolver unchanged. Thread safe.
 */
final class LocalhostDns implements Dns {

    private static final String SUFFIX = ".localhost";

    private final Dns next;

    LocalhostDns(Dns next) {
        this.next = next;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String name = hostname.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // a fully qualified "x.localhost."
        }
        if (name.endsWith(SUFFIX) && name.length() > SUFFIX.length()) {
            return next.lookup("localhost");
        }
        return next.lookup(hostname);
    }
}
