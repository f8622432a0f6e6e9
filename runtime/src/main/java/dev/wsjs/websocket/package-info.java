/**
 * The WebSocket transport under the JS binding: RFC 6455 framing and RFC 7692
 * permessage-deflate over a connection OkHttp opened and upgraded.
 *
 * <p>OkHttp does DNS, TCP, TLS, proxies, cookies and the HTTP/1.1 upgrade ({@link
 * dev.wsjs.websocket.WebSocketClient}); {@code Response.socket()} then hands the connection to a
 * {@link dev.wsjs.websocket.WebSocketEndpoint}, which runs this package's own codec ({@link
 * dev.wsjs.websocket.FrameReader}, {@link dev.wsjs.websocket.FrameWriter}). The codec is ours so the
 * transport can send close frames without a status code, fail invalid UTF-8 with 1007, bound
 * incoming messages (after inflation too) and reject subprotocols or extensions it never offered.
 *
 * <p>On {@code wss:} the client first offers HTTP/2 in ALPN; when the server's SETTINGS enable
 * extended CONNECT, the same endpoint runs on one HTTP/2 stream instead (RFC 8441, {@link
 * dev.wsjs.websocket.Http2Dialer} and the {@code http2} subpackage), and otherwise a fresh HTTP/1.1
 * connection is used and the origin remembered.
 *
 * <p>Threads: per connection one virtual thread reads and one writes (plus, on HTTP/2, one that reads
 * the connection's frames); timers run on one virtual
 * thread per client; nothing holds a platform thread per connection. Events reach the application
 * through {@link dev.wsjs.websocket.ConnectionListener}, serialized by {@link
 * dev.wsjs.websocket.ListenerGate}. Each class documents which thread touches which field.
 */
package dev.wsjs.websocket;
