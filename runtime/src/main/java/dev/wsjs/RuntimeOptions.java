package dev.wsjs;

import java.util.List;
import java.util.Map;

/**
 * Immutable settings of one runtime, made by {@link WsjsRuntime.Builder}.
 *
 * @param location the page URL scripts see as {@code location} and use as base URL and origin; null for none
 * @param userAgent {@code navigator.userAgent} and the {@code User-Agent} of WebSocket handshakes
 * @param args script arguments for {@code wsjs.args}
 * @param env environment variables visible as {@code wsjs.env}; null unless granted
 * @param windowAliases whether {@code self} and {@code window} alias {@code globalThis}
 */
public record RuntimeOptions(
        String location,
        String userAgent,
        List<String> args,
        Map<String, String> env,
        boolean windowAliases) {

    public RuntimeOptions {
        args = List.copyOf(args);
        env = env == null ? null : Map.copyOf(env);
    }
}
