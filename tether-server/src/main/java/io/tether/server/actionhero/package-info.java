/**
 * Internal: what the ActionHero transports of Tether share (the socket protocol in
 * {@code io.tether.server.socket}, Primus over WebSocket in {@code io.tether.server.primus}):
 * the payloads of the verbs. Not an application API.
 */
package io.tether.server.actionhero;
