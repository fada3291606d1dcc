package io.tether.api;

/**
 * What an action may know about the connection that called it.
 *
 * @param id          connection id (UUID string), also the {@code from} of its chat messages
 * @param type        protocol name: {@code socket}, {@code jstp}, {@code websocket} (Primus) or
 *                    {@code http} (a policy-checked HTTP request)
 * @param remoteIp    peer address
 * @param remotePort  peer port
 * @param connectedAt ms since epoch
 */
public record ConnectionInfo(String id, String type, String remoteIp, int remotePort, long connectedAt) {
}
