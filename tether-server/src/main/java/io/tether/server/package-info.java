/**
 * The Netty side of a Tether server: {@link io.tether.server.TetherServer} binds one or more
 * {@link io.tether.server.ProtocolServer}s (socket protocol, JSTP, admin HTTP) on shared event
 * loops of the {@link io.tether.server.Transport} chosen (epoll when available, else NIO, or io_uring)
 * and closes them gracefully. Every listener builds its channels with the one
 * {@link io.tether.server.pipeline.ProtocolPipeline}; work handed to a connection's event loop
 * from another thread goes through {@link io.tether.server.EventLoops}.
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder().action(myAction).room("defaultRoom").build();
 * try (TetherServer server = TetherServer.builder(core)
 *         .protocol(new SocketProtocolServer(core, SocketOptions.defaults()))
 *         .protocol(new JstpProtocolServer(core, JstpOptions.defaults()))
 *         .build().start()) {
 *     int socketPort = server.port("socket");
 * }
 * }</pre>
 */
package io.tether.server;
