/**
 * The ActionHero socket protocol over Netty: {@link io.tether.server.socket.SocketProtocolServer}
 * assembles TLS → break detector → framing → line decoder → flow control → file writer →
 * encoder → per-connection handler, and drains connections on shutdown.
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
