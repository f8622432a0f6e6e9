package dev.wsjs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.websocket.ConnectionListener;
import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.HandshakeRequest;
import dev.wsjs.websocket.WebSocketClient;
import dev.wsjs.websocket.WebSocketConnection;
import dev.wsjs.websocket.WebSocketSettings;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wsjs --inspect-brk}: a Chrome DevTools protocol client (our own WebSocket client) attaches,
 * sets a breakpoint by URL, reads a variable on the paused frame and lets the program finish.
 */
class InspectorTest {

    @Test
    void aDevToolsClientSetsABreakpointAndReadsAVariable(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("inspect-target.js");
        Files.writeString(script, "let x = 41;\nx++;\nconsole.log('x is', x);\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuffer errText = new StringBuffer();
        PrintStream err = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                errText.append((char) b);
            }
        }, true, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(
                new String[] {"--inspect-brk=" + port, script.toString()}, new PrintStream(out, true), err));

        Pattern wsUrl = Pattern.compile("ws://127\\.0\\.0\\.1:" + port + "/[A-Za-z0-9_-]+");
        Matcher m = null;
        for (int i = 0; i < 600 && (m == null || !m.find(0)); i++) {
            Thread.sleep(100);
            m = wsUrl.matcher(errText);
        }
        assertTrue(m != null && m.find(0), "the inspector announces its address: " + errText);

        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        try (WebSocketClient client = new WebSocketClient(WebSocketSettings.defaults())) {
            CompletableFuture<Void> open = new CompletableFuture<>();
            WebSocketConnection devtools = client.connect(
                    new HandshakeRequest(URI.create(m.group()), List.of(), null, "wsjs-test", Map.of()),
                    new ConnectionListener() {
                        @Override public void onOpen(String protocol, String extensions) { open.complete(null); }
                        @Override public void onText(String text) { messages.add(text); }
                        @Override public void onBinary(ByteBuffer data) {}
                        @Override public void onCloseFrame(int code, String reason) {}
                        @Override public void onFailure(FailureCause cause, String detail) {
                            open.completeExceptionally(new AssertionError(cause + ": " + detail));
                        }
                        @Override public void onClosed(boolean wasClean, int code, String reason) {}
                        @Override public void onBytesSent(long payloadBytes) {}
                    });
            open.get(30, TimeUnit.SECONDS);

            devtools.sendText("{\"id\":1,\"method\":\"Runtime.enable\"}");
            devtools.sendText("{\"id\":2,\"method\":\"Debugger.enable\"}");
            devtools.sendText("{\"id\":4,\"method\":\"Runtime.runIfWaitingForDebugger\"}");

            // --inspect-brk: paused on the script's first line. Set a breakpoint on line 3 by the
            // script's URL, resume, and expect to stop there.
            String parsed = await(messages, "inspect-target.js\"");
            Matcher url = Pattern.compile("\"url\":\"([^\"]*inspect-target\\.js)\"").matcher(parsed);
            assertTrue(url.find(), parsed);
            await(messages, "\"method\":\"Debugger.paused\"");
            devtools.sendText("{\"id\":3,\"method\":\"Debugger.setBreakpointByUrl\",\"params\":"
                    + "{\"lineNumber\":2,\"url\":\"" + url.group(1) + "\"}}");
            String breakpoint = await(messages, "\"id\":3");
            assertTrue(breakpoint.contains("\"lineNumber\":2"), "the breakpoint resolved: " + breakpoint);
            devtools.sendText("{\"id\":5,\"method\":\"Debugger.resume\"}");
            String paused = await(messages, "\"method\":\"Debugger.paused\"");
            assertTrue(paused.contains("\"hitBreakpoints\":[\""), paused);
            Matcher frame = Pattern.compile("\"callFrameId\":\"([^\"]+)\"").matcher(paused);
            assertTrue(frame.find(), paused);
            devtools.sendText("{\"id\":6,\"method\":\"Debugger.evaluateOnCallFrame\",\"params\":{\"callFrameId\":\""
                    + frame.group(1) + "\",\"expression\":\"x\"}}");
            String value = await(messages, "\"id\":6");
            assertTrue(value.contains("\"value\":42"), value);
            devtools.sendText("{\"id\":7,\"method\":\"Debugger.resume\"}");

            assertEquals(0, exit.get(60, TimeUnit.SECONDS));
            assertEquals("x is 42", out.toString(StandardCharsets.UTF_8).strip());
            devtools.close(1000, null);
        }
    }

    private static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static String await(BlockingQueue<String> messages, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String msg = messages.poll(1, TimeUnit.SECONDS);
            if (msg != null) SEEN.add(msg.length() > 300 ? msg.substring(0, 300) : msg);
            if (msg != null && msg.contains(marker)) return msg;
        }
        throw new AssertionError("no DevTools message with " + marker + "; seen: " + SEEN);
    }
}
