package dev.wsjs.websocket.http2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okio.BufferedSource;

/** Records the frames an {@link Http2FrameReader} reports, as readable strings. */
final class RecordingFrames implements Http2FrameReader.Handler {

    final List<String> frames = new ArrayList<>();
    final List<List<HeaderField>> headerLists = new ArrayList<>();

    String last() {
        return frames.get(frames.size() - 1);
    }

    @Override
    public void data(int streamId, boolean endStream, BufferedSource source, int dataLength, int flowControlled)
            throws IOException {
        frames.add("DATA " + streamId + " " + source.readUtf8(dataLength) + " fc=" + flowControlled + (endStream ? " END" : ""));
    }

    @Override
    public void headers(int streamId, boolean endStream, List<HeaderField> fields) {
        headerLists.add(fields);
        frames.add("HEADERS " + streamId + " " + fields.size() + (endStream ? " END" : ""));
    }

    @Override
    public void rstStream(int streamId, int errorCode) {
        frames.add("RST_STREAM " + streamId + " " + Http2Exception.name(errorCode));
    }

    @Override
    public void settings(boolean ack, int[] ids, long[] values) {
        frames.add(ack ? "SETTINGS ACK" : "SETTINGS " + Arrays.toString(ids) + "=" + Arrays.toString(values));
    }

    @Override
    public void ping(boolean ack, long payload) {
        frames.add("PING " + payload + (ack ? " ACK" : ""));
    }

    @Override
    public void goAway(int lastStreamId, int errorCode, String debugData) {
        frames.add("GOAWAY " + lastStreamId + " " + Http2Exception.name(errorCode) + " " + debugData);
    }

    @Override
    public void windowUpdate(int streamId, int increment) {
        frames.add("WINDOW_UPDATE " + streamId + " " + increment);
    }
}
