package dev.wsjs.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Records what a FrameReader decoded as readable strings: "text:…", "binary:<hex>", "ping:<hex>", "close:1000:reason". */
class RecordingFrameHandler implements FrameReader.Handler {
    final List<String> events = new ArrayList<>();

    @Override public void onText(String text) { events.add("text:" + text); }

    @Override public void onBinary(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        events.add("binary:" + HexFormat.of().formatHex(b));
    }

    @Override public void onPing(byte[] payload) { events.add("ping:" + new String(payload, StandardCharsets.ISO_8859_1)); }

    @Override public void onPong(byte[] payload) { events.add("pong:" + new String(payload, StandardCharsets.ISO_8859_1)); }

    @Override public void onClose(int code, String reason) { events.add("close:" + code + ":" + reason); }
}
