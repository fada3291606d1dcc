package io.tether.server.jstp.session;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything needed to continue a {@link JstpSession} on another node: identity,
 * user data, the delivery counters, the buffered originated messages as their exact
 * serialized text keyed by abs(id), the callbacks held while detached, and the rooms its
 * core connection was in. Immutable.
 *
 * @param id             session id
 * @param username       authenticated user, or null
 * @param application    name of the application the session was opened for, or null
 * @param version        version of that application, or null (a snapshot stored by an older node)
 * @param userData       application state (a store keeps the plain mdsf-compatible values)
 * @param receivedCount  abs(id) of the last originated message received from the client
 * @param deliveredCount highest abs(id) the client is known to have received
 * @param lastId         id of the last message the server originated (0, −1, −2, …)
 * @param buffered       abs(id) → serialized text of unacknowledged originated messages
 * @param held           replies held while detached, in order
 * @param rooms          rooms the session's core connection was in
 */
public record SessionSnapshot(String id, String username, String application, String version,
                              Map<String, Object> userData,
                              long receivedCount, long deliveredCount, long lastId, SortedMap<Long, String> buffered,
                              List<String> held, List<String> rooms) {
    /** Copies the collections. */
    public SessionSnapshot {
        userData = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userData));
        buffered = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(buffered));
        held = List.copyOf(held);
        rooms = List.copyOf(rooms);
    }
}
