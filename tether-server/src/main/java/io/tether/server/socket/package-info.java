/**
 * The ActionHero socket protocol over Netty: {@link io.tether.server.socket.SocketProtocolServer}
 * assembles connection limits → TLS → idle timeout → break detector → framing → line decoder → flow control → file writer →
 * encoder → per-connection handler, and drains connections on shutdown. Bounds: connections per
 * listener and per address, idle and TLS handshake timeouts
 * ({@link io.tether.server.limits.ConnectionLimits}; a connection closed for idleness gets the
 * goodbye line first), and the size of the sticky params and the messageId
 * ({@link io.tether.server.socket.StickyParamLimits}).
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder().action(myAction).room("defaultRoom", "otherRoom").build();
 * SocketOptions options = SocketOptions.defaults().toBuilder().port(5000).publicDirectory(Path.of("public")).build();
 * try (TetherServer server = TetherServer.builder(core)
 *         .protocol(new SocketProtocolServer(core, options)).build().start()) {
 *     // telnet localhost 5000
 * }
 * }</pre>
 */
package io.tether.server.socket;
