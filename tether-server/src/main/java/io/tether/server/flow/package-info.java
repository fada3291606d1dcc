/**
 * The per-connection outbound policy shared by both protocols: back-pressure (a client that
 * does not read has its further requests wait unprocessed and reading stop) and a cap of bytes
 * queued for it ({@code maxOutboundBytes}), past which it is disconnected. See
 * {@link io.tether.server.flow.OutboundFlow}.
 */
package io.tether.server.flow;
