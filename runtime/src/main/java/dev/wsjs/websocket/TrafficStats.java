package dev.wsjs.websocket;

/**
 * What one connection carried after its opening handshake, counted by its reader and writer
 * threads and reported once, when it ends. Payload counts are message bytes as the application
 * sees them (text as UTF-8, before compression / after inflation); wire counts are the frames as
 * they crossed the socket (headers, masking keys, compressed payloads, control frames), without
 * the HTTP handshake. Messages are counted whole.
 */
public record TrafficStats(long messagesSent, long payloadBytesSent, long wireBytesSent,
        long messagesReceived, long payloadBytesReceived, long wireBytesReceived) {

    /** A connection that never opened. */
    public static final TrafficStats NONE = new TrafficStats(0, 0, 0, 0, 0, 0);

    @Override
    public String toString() {
        return "sent " + messagesSent + " messages, " + payloadBytesSent + " B payload, " + wireBytesSent + " B on the wire; "
                + "received " + messagesReceived + " messages, " + payloadBytesReceived + " B payload, "
                + wireBytesReceived + " B on the wire";
    }
}
