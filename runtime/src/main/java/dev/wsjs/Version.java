package dev.wsjs;

/** The product's version strings. */
public final class Version {
    private Version() {}

    public static final String VERSION = "0.1.0";
    public static final String GRAALJS = "25.0.3";

    /** The default {@code User-Agent} and {@code navigator.userAgent}. */
    public static final String USER_AGENT = "wsjs/" + VERSION + " (GraalJS " + GRAALJS + "; Java "
            + Runtime.version().feature() + ")";
}
