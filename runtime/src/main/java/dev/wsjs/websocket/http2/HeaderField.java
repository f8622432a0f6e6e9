package dev.wsjs.websocket.http2;

/** One header field: a lowercase name (pseudo-headers start with ':') and its value. */
public record HeaderField(String name, String value) {

    /** RFC 7541 section 4.1: an entry's size is its name and value lengths in octets plus 32. */
    int hpackSize() {
        return name.length() + value.length() + 32;
    }
}
