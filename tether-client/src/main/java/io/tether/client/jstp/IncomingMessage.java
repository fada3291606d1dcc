package io.tether.client.jstp;

/**
 * A message the client received, as {@link JstpClientListener} reports it.
 *
 * @param kind the message kind: {@code handshake}, {@code call}, {@code callback}, {@code event},
 *             {@code inspect}, {@code ping}, {@code pong}, {@code heartbeat} (the empty
 *             message {@code {}}), or the key of a kind the client does not implement
 * @param id   the message id; 0 for a handshake reply, a heartbeat or an unknown kind
 * @param text the message in canonical JSTP object notation, as the client would write it
 *             (e.g. {@code {callback:[3],ok:[2.5]}}); {@code null} for an unknown kind
 *             (only its key is kept) or a payload that cannot be written back
 */
public record IncomingMessage(String kind, long id, String text) {
}
