package dev.wsjs.websocket;

import okio.Sink;

/**
 * A sink whose {@link #close()} only ends the outgoing direction, like an HTTP/2 stream's
 * END_STREAM (RFC 8441 section 5), and never the connection under a reader. A WebSocket endpoint
 * closes such a sink as soon as its close frame is out, since nothing may follow a close frame.
 */
public interface EndOfStreamSink extends Sink {}
