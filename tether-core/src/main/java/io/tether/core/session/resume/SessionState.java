package io.tether.core.session.resume;

import java.util.List;

/**
 * Snapshot of a session's delivery accounting.
 *
 * @param receivedCount  abs(id) of the last originated message received from the client
 * @param deliveredCount highest abs(id) the client is known to have received
 * @param lastId         id of the last message the server originated (0, −1, −2, …)
 * @param bufferedIds    abs(id) of the buffered (unacknowledged) originated messages, ascending
 * @param heldCallbacks  replies held while detached
 * @param bufferedChars  characters of buffered and held text
 */
public record SessionState(long receivedCount, long deliveredCount, long lastId, List<Long> bufferedIds,
                           int heldCallbacks, long bufferedChars) {
}
