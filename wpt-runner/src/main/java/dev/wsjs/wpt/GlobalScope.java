package dev.wsjs.wpt;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of global a {@code .any.js} test can be run in, as named by {@code // META: global=}, and the
 * test URL suffix WPT gives each (e.g. {@code X.any.js} in a dedicated worker is {@code X.any.worker.html}).
 */
enum GlobalScope {
    WINDOW("window", ".any.html"),
    DEDICATED_WORKER("dedicatedworker", ".any.worker.html"),
    DEDICATED_WORKER_MODULE("dedicatedworker-module", ".any.worker-module.html"),
    SHARED_WORKER("sharedworker", ".any.sharedworker.html"),
    SHARED_WORKER_MODULE("sharedworker-module", ".any.sharedworker-module.html"),
    SERVICE_WORKER("serviceworker", ".any.serviceworker.html"),
    SERVICE_WORKER_MODULE("serviceworker-module", ".any.serviceworker-module.html"),
    SHADOW_REALM("shadowrealm", ".any.shadowrealm.html"),
    JS_SHELL("jsshell", ".any.js");

    private final String metaName;
    private final String anySuffix;

    GlobalScope(String metaName, String anySuffix) {
        this.metaName = metaName;
        this.anySuffix = anySuffix;
    }

    /** The name used in {@code // META: global=}. */
    String metaName() {
        return metaName;
    }

    /** What replaces {@code .any.js} in the test URL. */
    String anySuffix() {
        return anySuffix;
    }

    /** Whether the runner can execute tests of this scope in a runtime (the others need a browser). */
    boolean runnable() {
        return this == WINDOW || this == DEDICATED_WORKER;
    }

    /**
     * The scopes a {@code global=} value selects. An absent or empty value means WPT's default,
     * window and dedicated worker; {@code worker} is shorthand for the three classic worker kinds;
     * unknown names select nothing, as in WPT.
     */
    static Set<GlobalScope> parse(String value) {
        if (value == null || value.isEmpty()) return EnumSet.of(WINDOW, DEDICATED_WORKER);
        Set<GlobalScope> scopes = EnumSet.noneOf(GlobalScope.class);
        for (String item : value.split(",")) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (name.equals("worker")) {
                scopes.addAll(EnumSet.of(DEDICATED_WORKER, SHARED_WORKER, SERVICE_WORKER));
                continue;
            }
            for (GlobalScope s : values()) {
                if (s.metaName.equals(name)) scopes.add(s);
            }
        }
        return scopes;
    }
}
