/**
 * JSTP sessions (spec §8): the per-session resend buffer and counters, and the store that
 * keeps sessions restorable after their transport drops.
 *
 * <pre>{@code
 * JstpSession s = new JstpSession(UUID.randomUUID().toString(), null, "myApp",
 *         SessionLimits.defaults());
 * long id = s.originate(n -> JstpText.event(n, "chat", "message", List.of("hi")));  // -1, buffered
 * s.acknowledge(-1);                                  // a callback/pong for -1 empties the buffer
 * }</pre>
 */
package io.tether.server.jstp.session;
