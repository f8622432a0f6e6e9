/**
 * A small RFC 6455 server on 127.0.0.1 ({@link dev.wsjs.server.LocalWebSocketServer}) for the
 * project's tests, examples and the CLI's offline demo. It reuses the client's codec in the server
 * role. Routes map a path to a {@link dev.wsjs.server.Handler}, which decides the handshake
 * ({@link dev.wsjs.server.HandshakeDecision}) and talks to its {@link dev.wsjs.server.Session}s.
 */
package dev.wsjs.server;
