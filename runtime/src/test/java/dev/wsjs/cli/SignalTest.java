package dev.wsjs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.WsjsRuntime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** OS signals reach the script's wsjs.addSignalListener listeners. */
class SignalTest {

    @Test
    void aSignalRunsTheListenersAndSaysWhetherThereWereAny() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().start()) {
            assertFalse(rt.signal("SIGINT").get(10, TimeUnit.SECONDS), "no listener yet");
            rt.evalAsync("globalThis.got = []; wsjs.addSignalListener('SIGINT', (s) => got.push(s));").get(10, TimeUnit.SECONDS);
            assertTrue(rt.signal("SIGINT").get(10, TimeUnit.SECONDS));
            assertFalse(rt.signal("SIGTERM").get(10, TimeUnit.SECONDS), "listeners are per signal");
            assertEquals("SIGINT", rt.evalAsync("got.join()").get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void unsupportedSignalsAreATypeError() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().start()) {
            assertEquals("TypeError", rt.evalAsync("try { wsjs.addSignalListener('SIGFOO', () => {}); 'none' } catch (e) { e.name }")
                    .get(10, TimeUnit.SECONDS));
        }
    }
}
