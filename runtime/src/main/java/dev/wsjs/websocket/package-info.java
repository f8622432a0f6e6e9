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
 * <p>Threads: per connection one virtual thread reads and one writes; timers run on one virtual
 * thread per client; nothing holds a platform thread per connection. Events reach the application
 * through {@link dev.wsjs.websocket.ConnectionListener}, serialized by {@link
 * dev.wsjs.websocket.ListenerGate}. Each class documents which thread touches which field.
 */
package dev.wsjs.websocket;
