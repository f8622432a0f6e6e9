package dev.wsjs.wpt;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises failures caused by a browser API this headless runtime does not have. A test that touches
 * {@code document} or {@code new Worker(...)} fails with a ReferenceError; the runner reports such a test
 * (or subtest) as PRECONDITION_FAILED with the missing API named, so it is neither counted as a
 * WebSocket bug nor skipped silently. Once the runtime gains the API the error, and this verdict, go away.
 */
final class MissingGlobals {

    /** Globals a browser page or worker has and a headless runtime may lack, with what they are. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("document", "a DOM document"),
            Map.entry("Worker", "dedicated workers"),
            Map.entry("SharedWorker", "shared workers"),
            Map.entry("XMLHttpRequest", "XMLHttpRequest"),
            Map.entry("fetch", "the Fetch API"),
            Map.entry("Request", "the Fetch API"),
            Map.entry("Response", "the Fetch API"),
            Map.entry("Headers", "the Fetch API"),
            Map.entry("MessageChannel", "MessageChannel"),
            Map.entry("BroadcastChannel", "BroadcastChannel"),
            Map.entry("postMessage", "window messaging"),
            Map.entry("indexedDB", "IndexedDB"),
            Map.entry("localStorage", "Web Storage"),
            Map.entry("sessionStorage", "Web Storage"),
            Map.entry("WebSocketStream", "WebSocketStream"),
            Map.entry("ReadableStream", "the Streams API"),
            Map.entry("WritableStream", "the Streams API"),
            Map.entry("TransformStream", "the Streams API"),
            Map.entry("TextDecoderStream", "the Streams API"),
            Map.entry("TextEncoderStream", "the Streams API"),
            Map.entry("FormData", "FormData"),
            Map.entry("MutationObserver", "DOM mutation observers"),
            Map.entry("OffscreenCanvas", "canvas"),
            Map.entry("Image", "DOM elements"),
            Map.entry("WebAssembly", "WebAssembly"));

    private static final Pattern NOT_DEFINED = Pattern.compile("\\b([A-Za-z_$][\\w$]*) is not defined\\b");

    private MissingGlobals() {}

    /** The reason to report when {@code message} shows a missing browser API, else null. */
    static String reason(String message) {
        if (message == null) return null;
        Matcher m = NOT_DEFINED.matcher(message);
        while (m.find()) {
            String what = KNOWN.get(m.group(1));
            if (what != null) {
                return "needs " + what + " (" + m.group(1) + "), which this headless runtime does not provide: " + message;
            }
        }
        return null;
    }
}
