/**
 * A client connection as the core sees it, whatever its protocol:
 * {@link io.tether.core.connection.Connection} (identity, action counters, joined rooms, where its
 * room messages go).
 *
 * <pre>{@code
 * Connection c = Connection.open("socket", "127.0.0.1", 50000, message -> send(message));
 * c.pendingActions();   // live counter, read by detailsView
 * }</pre>
 */
package io.tether.core.connection;
