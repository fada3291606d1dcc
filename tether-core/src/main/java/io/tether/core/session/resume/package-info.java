/**
 * The resumable capability of a core session, for protocols whose sessions outlive their
 * transports (JSTP): {@link io.tether.core.session.resume.ResumableSession} (a core
 * {@link io.tether.core.session.Session} plus an ordered outbox bound to the current
 * {@link io.tether.core.session.resume.SessionTransport}, its delivery ledger of ids, resend
 * buffer and held replies, attach/restore/detach/drop/hand-off, snapshots), the
 * {@link io.tether.core.session.resume.SessionStore} that keeps sessions resumable after their
 * transport drops, and the bounds below. What a session sends is protocol-neutral
 * {@link io.tether.core.session.resume.Outbound} data; the protocol supplies its
 * {@link io.tether.core.session.resume.OutboundEncoder} (wire text, including the ping that
 * solicits an acknowledgement) through a {@link io.tether.core.session.resume.ResumeProtocol}.
 * After a hand-off to another node, a session forwards the structured messages as they are
 * ({@link io.tether.core.session.resume.SessionForwarder}) and the owner encodes them with its
 * own ids.
 *
 * <p>Bounds (a {@link io.tether.core.session.resume.SessionQuota} per store, i.e. per node):
 * <ul>
 * <li>Detached sessions per node and per remote address: when a session detaches past a cap,
 * the oldest detached session (of the node, or of that address) is evicted: dropped, so it
 * leaves its rooms, frees its buffer and can no longer be restored. New clients are never
 * refused; a client that churns sessions only recycles its own. A session counts once its
 * connection goes (a session continued from another node's store counts until it is
 * restored); a new session whose connection closed before its handshake reply is dropped at
 * once (nobody knows its id), so abandoned handshakes never pile up, and a burst of
 * handshakes from one address never evicts sessions that are about to be attached.</li>
 * <li>Each session's own resend buffer ({@link io.tether.core.session.resume.SessionLimits}):
 * a session that would exceed it is dropped.</li>
 * <li>A node-wide {@link io.tether.core.session.resume.SessionBudget} of buffered bytes shared
 * by all sessions. From half of it on, a connected session pings its client for an
 * acknowledgement as soon as it buffers, so clients that read keep almost nothing buffered.
 * The session that would buffer past the budget pays: it is dropped, connected or not (a
 * connected client that does not acknowledge pings is a slow consumer); the others keep
 * what they hold.</li>
 * </ul>
 * Session ids are canonical UUIDs ({@link io.tether.core.session.resume.SessionIds}); a
 * restore presenting anything else is refused before any lookup.
 *
 * <pre>{@code
 * ResumeProtocol jstp = new ResumeProtocol("jstp", encoder, roomSink, ended);   // one per listener
 * ResumableSession s = ResumableSession.open(jstp, store.quota(), "10.0.0.7", 50000, "myApp", "1.0.0");
 * store.save(s);                                        // the client resumes with s.token()
 * long id = s.originate(Outbound.event("chat", "message", List.of("hi")));  // -1, buffered
 * s.acknowledge(-1);                                    // a callback/pong for -1 empties the buffer
 * }</pre>
 */
package io.tether.core.session.resume;
