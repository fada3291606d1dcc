/**
 * JSTP sessions, which outlive their transports: the per-session resend buffer and counters, and
 * the store that keeps sessions restorable after their transport drops.
 *
 * <p>Bounds (a {@link io.tether.server.jstp.session.SessionQuota} per store, i.e. per node):
 * <ul>
 * <li>Detached sessions per node and per remote address: when a session detaches past a cap,
 * the oldest detached session (of the node, or of that address) is evicted: dropped, so it
 * leaves its rooms, frees its buffer and can no longer be restored. New clients are never
 * refused; a client that churns sessions only recycles its own. A session counts once its
 * connection goes (a session continued from another node's store counts until it is
 * restored); a new session whose connection closed before its handshake reply is dropped at
 * once (nobody knows its id), so abandoned handshakes never pile up, and a burst of
 * handshakes from one address never evicts sessions that are about to be attached.</li>
 * <li>Each session's own resend buffer ({@link io.tether.server.jstp.session.SessionLimits}):
 * a session that would exceed it is dropped.</li>
 * <li>A node-wide {@link io.tether.server.jstp.session.SessionBudget} of buffered bytes shared
 * by all sessions. From half of it on, a connected session pings its client for an
 * acknowledgement as soon as it buffers, so clients that read keep almost nothing buffered.
 * The session that would buffer past the budget pays: it is dropped, connected or not (a
 * connected client that does not acknowledge pings is a slow consumer); the others keep
 * what they hold.</li>
 * </ul>
 * Session ids are canonical UUIDs ({@link io.tether.server.jstp.session.SessionIds}); a
 * restore presenting anything else is refused before any lookup.
 *
 * <pre>{@code
 * JstpSession s = new JstpSession(UUID.randomUUID().toString(), null, "myApp",
 *         SessionLimits.defaults());  // outside any store: no node-wide bounds
 * long id = s.originate(n -> JstpText.event(n, "chat", "message", List.of("hi")));  // -1, buffered
 * s.acknowledge(-1);                                  // a callback/pong for -1 empties the buffer
 * }</pre>
 */
package io.tether.server.jstp.session;
