package dev.wsjs.ops;

import dev.wsjs.internal.RuntimeServices;
import org.graalvm.polyglot.HostAccess;

/**
 * The Java operations the JS layer is built on, handed to the layer files as {@code ops} and
 * never exposed to user scripts. One field per area; each area is a small class of its own.
 * Invoked only by the loop thread.
 */
public final class Ops {

    @HostAccess.Export public final RuntimeOps runtime;
    @HostAccess.Export public final ConsoleOps console;
    @HostAccess.Export public final BlobOps blob;
    @HostAccess.Export public final CryptoOps crypto;
    @HostAccess.Export public final GlobalsOps globals;
    @HostAccess.Export public final WebSocketOps ws;
    @HostAccess.Export public final TextOps text;

    public Ops(RuntimeServices services) {
        this.runtime = new RuntimeOps(services);
        this.console = new ConsoleOps(services);
        this.blob = new BlobOps(services);
        this.crypto = new CryptoOps();
        this.globals = new GlobalsOps();
        this.ws = new WebSocketOps(services);
        this.text = new TextOps();
    }
}
