/**
 * The JSTP (metarhia) server of Tether: handshake, sessions with resend buffers, calls,
 * events, inspect, ping, hosted applications and the shared actions and rooms. Connections
 * are bounded per listener and per address, cut after the idle timeout (no traffic either way)
 * and, before the handshake, after the handshake timeout (and the TLS handshake timeout):
 * {@link io.tether.server.limits.ConnectionLimits}, {@link io.tether.server.jstp.JstpOptions}.
 *
 * <p>A JSTP session is the core's {@link io.tether.core.session.resume.ResumableSession} (identity,
 * principal, user data, rooms, ids, resend buffer, snapshots): this package adds the handshake
 * that opens or restores it, the channel it is attached to as its transport
 * ({@code JstpChannelConnection}) and the JSTP text of what it sends
 * ({@link io.tether.server.jstp.wire.JstpOutbound}). Sessions live in a
 * {@link io.tether.core.session.resume.SessionStore}: in memory by default, in Redis with
 * tether-redis.
 *
 * <pre>{@code
 * JstpApplication app = JstpApplication.builder("calc", "1.0.0")
 *         .iface(JstpInterface.builder("calculator").nonBlocking("answer", 0, ctx -> List.of(42)).build())
 *         .build();
 * TetherCore core = TetherCore.builder().action(echoAction).room("defaultRoom").build();
 * JstpOptions options = JstpOptions.defaults().toBuilder().port(4000).application(app).build();
 * try (TetherServer server = TetherServer.builder(core)
 *         .protocol(new JstpProtocolServer(core, options)).build().start()) {
 *     // {handshake:[0,'calc']}        -> {handshake:[0],ok:'<session id>'}
 *     // {call:[1,'calculator'],answer:[]} -> {callback:[1],ok:[42]}
 *     // {call:[2,'api'],echo:[{text:'hi'}]} -> an action, same as over the socket protocol
 * }
 * }</pre>
 */
package io.tether.server.jstp;
