package io.tether.server.socket;

/**
 * What a reply to one request line carries to be matched by the client, captured when the
 * line is parsed (so asynchronous replies never pick up a later line's id, spec D2).
 *
 * @param messageId    the line's messageId (String, or whatever JSON type the client set)
 * @param messageCount the line's number on this connection, from 1
 */
record Correlation(Object messageId, long messageCount) {
}
