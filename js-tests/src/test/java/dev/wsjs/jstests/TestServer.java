package dev.wsjs.jstests;

/** A server a JS test file talks to, on 127.0.0.1 with an ephemeral port. */
interface TestServer extends AutoCloseable {

    /** The base URL scripts see in {@code SERVERS.<name>}. */
    String url();

    @Override
    void close();
}
