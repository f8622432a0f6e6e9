package dev.wsjs.ops;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * Host facts for the globals layer ({@code navigator}, {@code structuredClone}) that JavaScript
 * cannot find out itself. Invoked only by the loop thread.
 */
public final class GlobalsOps {

    /** What {@link #objectKind} says about an object. */
    static final int ORDINARY = 0;
    static final int ERROR = 1;
    static final int PROXY = 2;

    /** The meta object GraalJS gives every Proxy exotic object; set once by the layer. */
    private Value proxyMetaObject;

    GlobalsOps() {}

    /** navigator.hardwareConcurrency: the processors this JVM may use. */
    @HostAccess.Export
    public int hardwareConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Remembers what a Proxy looks like to the host, from a proxy the layer made. */
    @HostAccess.Export
    public void setProxySample(Value proxy) {
        this.proxyMetaObject = proxy.getMetaObject();
    }

    /**
     * Whether an object has an [[ErrorData]] internal slot (1), is a Proxy exotic object (2), or
     * neither (0): structured cloning needs both and JavaScript can test neither reliably.
     */
    @HostAccess.Export
    public int objectKind(Value object) {
        if (proxyMetaObject != null && proxyMetaObject.isMetaInstance(object)) return PROXY;
        if (object.isException()) return ERROR;
        return ORDINARY;
    }
}
