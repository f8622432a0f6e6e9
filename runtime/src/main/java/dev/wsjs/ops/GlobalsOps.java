package dev.wsjs.ops;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * Host facts for the globals layer ({@code navigator}, {@code structuredClone}) that JavaScript
 * cannot find out itself. Invoked only by the loop thread.
 */
public final class GlobalsOps {

    // What objectKind says about an object; the JS layer (09_globals.js) has the same table.
    static final int OTHER = 0;
    static final int ERROR = 1;
    static final int PROXY = 2;
    static final int BOOLEAN = 3;
    static final int NUMBER = 4;
    static final int STRING = 5;
    static final int DATE = 6;
    static final int MAP = 7;
    static final int BUFFER = 8;
    static final int ARRAY_LIKE = 9;
    static final int PLAIN = 10;

    /** The meta object GraalJS gives every Proxy exotic object; set once by the layer. */
    private Value proxyMetaObject;

    GlobalsOps() {}

    /** navigator.hardwareConcurrency: the processors this JVM may use. */
    @HostAccess.Export
    public int hardwareConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** navigator.language: the JVM's default locale as a BCP 47 language tag. */
    @HostAccess.Export
    public String language() {
        return java.util.Locale.getDefault().toLanguageTag();
    }

    /** navigator.platform: operating system and architecture, e.g. "Linux x86_64". */
    @HostAccess.Export
    public String platform() {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("amd64")) arch = "x86_64";
        return (System.getProperty("os.name", "") + " " + arch).strip();
    }

    /** Remembers what a Proxy looks like to the host, from a proxy the layer made. */
    @HostAccess.Export
    public void setProxySample(Value proxy) {
        this.proxyMetaObject = proxy.getMetaObject();
    }

    /**
     * Classifies an object for structured cloning by its internal slots, which the host sees through
     * interop traits without the exceptions that JavaScript brand checks cost: a Proxy exotic object,
     * [[ErrorData]], [[BooleanData]], [[NumberData]], [[StringData]], [[DateValue]], [[MapData]],
     * [[ArrayBufferData]] (shared or not), an array-like (arrays, typed arrays, arguments), a plain
     * object (whose constructor, found through its prototype chain, is Object: the layer clones it as an
     * ordinary object without further checks), or anything else, which the layer examines itself.
     */
    @HostAccess.Export
    public int objectKind(Value object) {
        if (proxyMetaObject != null && proxyMetaObject.isMetaInstance(object)) return PROXY;
        if (object.isException()) return ERROR;
        if (object.isBoolean()) return BOOLEAN;
        if (object.isNumber()) return NUMBER;
        if (object.isString()) return STRING;
        if (object.isDate()) return DATE;
        if (object.hasHashEntries()) return MAP;
        if (object.hasBufferElements()) return BUFFER;
        if (object.hasArrayElements()) return ARRAY_LIKE;
        Value meta = object.getMetaObject();
        if (meta != null && "Object".equals(meta.getMetaQualifiedName())) return PLAIN;
        return OTHER;
    }
}
