package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A page loaded over https may not open ws: connections (WPT mixed-content.https.any.js). */
class MixedContentTest {

    @Test
    void aSecurePageGetsASecurityErrorForWsButNotForWss() {
        try (WsjsRuntime rt = WsjsRuntime.builder().location("https://example.test/page").build()) {
            assertEquals("SecurityError 18", rt.eval(
                    "try { new WebSocket('ws://127.0.0.1:1/'); 'no error' } catch (e) { e.name + ' ' + e.code }").asString());
            assertEquals("wss://127.0.0.1:1/", rt.eval(
                    "const ws = new WebSocket('wss://127.0.0.1:1/'); ws.close(); ws.url").asString());
            assertEquals("wss://example.test/x", rt.eval(
                    "const ws2 = new WebSocket('/x'); ws2.close(); ws2.url").asString(), "https: resolves to wss:");
        }
    }
}
