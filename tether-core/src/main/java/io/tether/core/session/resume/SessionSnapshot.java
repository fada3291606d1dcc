package io.tether.core.session.resume;

import io.tether.api.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything needed to continue a {@link ResumableSession} on another node: its token, principal,
 * application, user data, the delivery counters, the buffered originated messages as their exact
 * encoded text keyed by abs(id) (resent byte for byte), the replies held while detached, and the
 * rooms it was in. Immutable.
 *
 * @param id             the session's token
 * @param principal      who the session is authenticated as, or null
 * @param application    name of the application the session was opened for, or null
 * @param version        version of that application, or null (a snapshot stored by an older node)
 * @param userData       application state (a store keeps the plain values)
 * @param receivedCount  abs(id) of the last originated message received from the client
 * @param deliveredCount highest abs(id) the client is known to have received
 * @param lastId         id of the last message the server originated (0, −1, −2, …)
 * @param buffered       abs(id) → encoded text of unacknowledged originated messages
 * @param held           replies held while detached, in order
 * @param rooms          rooms the session was in
 */
public record SessionSnapshot(String id, Principal principal, String application, String version,
                              Map<String, Object> userData,
                              long receivedCount, long deliveredCount, long lastId, SortedMap<Long, String> buffered,
                              List<String> held, List<String> rooms) {
    /** Copies the collections. */
    public SessionSnapshot {
        userData = Collections.unmodifiableMap(new LinkedHashMap<>(userData));
        buffered = Collections.unmodifiableSortedMap(new TreeMap<>(buffered));
        held = List.copyOf(held);
        rooms = List.copyOf(rooms);
    }

    /** The state of {@code s} and its ledger; the caller holds the session's lock. */
    static SessionSnapshot of(ResumableSession s, DeliveryLedger ledger) {
        return new SessionSnapshot(s.token(), s.principal().orElse(null), s.application(), s.applicationVersion(),
                s.dataSnapshot(), ledger.receivedCount(), ledger.deliveredCount(), ledger.lastId(), ledger.originated(),
                ledger.held(), s.rooms());
    }
}
