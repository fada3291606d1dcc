/**
 * A client session as the core sees it, whatever its protocol:
 * {@link io.tether.core.session.Session} (identity, action counters, joined rooms, where its
 * room messages go).
 *
 * <pre>{@code
 * Session c = Session.open("socket", "127.0.0.1", 50000, message -> send(message));
 * c.pendingActions();   // live counter, read by detailsView
 * }</pre>
 */
package io.tether.core.session;
