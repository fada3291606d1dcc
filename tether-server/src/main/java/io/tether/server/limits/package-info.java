/**
 * Connection bounds shared by the socket and JSTP listeners: {@link io.tether.server.limits.ConnectionLimits}
 * (connections per listener and per remote address, idle timeout, TLS handshake timeout) and
 * the {@link io.tether.server.limits.ConnectionGuard} each listener's
 * {@link io.tether.server.pipeline.ProtocolPipeline} uses to admit channels and add the bounded
 * TLS and idle stages. Refusals are counted in the core's
 * {@link io.tether.core.limits.Refusals}.
 *
 * <pre>{@code
 * SocketOptions options = SocketOptions.defaults().toBuilder()
 *         .connectionLimits(ConnectionLimits.defaults().toBuilder()
 *                 .maxConnectionsPerAddress(32).idleTimeout(Duration.ofMinutes(5)).build())
 *         .build();
 * }</pre>
 */
package io.tether.server.limits;
