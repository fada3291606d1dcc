package io.tether.core.session.resume;

import io.tether.core.limits.Refusal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The delivery accounting of one session (a callback or pong from the client acknowledges
 * every buffered message up to its id): the bounded buffer of serialized originated
 * messages keyed by abs(id), replies held while detached,
 * {@code receivedCount}, {@code deliveredCount} and {@code lastId}. Every buffered message is
 * charged to the node-wide {@link SessionBudget} and released exactly once (acknowledged,
 * replayed, cleared); {@link #charged()} is what this ledger holds of the budget. Texts come
 * from the session's {@link OutboundEncoder}; the ledger knows no wire syntax. Not
 * thread-safe: the owning {@link ResumableSession} guards it with its lock.
 */
final class DeliveryLedger {
    private final SessionLimits limits;
    private final SessionBudget budget;
    // empty and immutable until a message is buffered: most sessions of idle clients buffer nothing
    private NavigableMap<Long, String> originated = Collections.emptyNavigableMap();
    private List<String> held = List.of();
    private long chars;
    private long receivedCount;
    private long deliveredCount;
    private long lastId;
    private long solicited;
    private long charged;
    private Refusal refused;

    DeliveryLedger(SessionLimits limits, SessionBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    /** Whether one more message of this length fits within the limits. */
    boolean fits(String text) {
        return fits(text.length());
    }

    private boolean fits(int length) {
        return originated.size() + held.size() + 1 <= limits.maxEntries()
                && chars + length <= limits.maxBytes();
    }

    /**
     * Takes the next id (−1, −2, …) and buffers the text {@code encoder} makes for it.
     *
     * @return the text, or null if it does not fit (nothing changed; {@link #refused()} says why)
     */
    String originate(Outbound.Originated message, OutboundEncoder encoder) {
        long next = lastId - 1;
        String text = encoder.originated(message, next);
        if (!charge(text)) {
            return null;
        }
        lastId = next;
        writableOriginated().put(-next, text);
        return text;
    }

    /** Checks the session's own limits, then charges the node budget; false (and why) if either refuses. */
    private boolean charge(String text) {
        if (!fits(text)) {
            refused = Refusal.SESSION_BUFFER_FULL;
            return false;
        }
        long cost = SessionBudget.cost(text);
        if (!budget.tryCharge(cost)) {
            refused = Refusal.SESSION_BUFFER_BUDGET;
            return false;
        }
        charged += cost;
        chars += text.length();
        return true;
    }

    private void uncharge(String text) {
        long cost = SessionBudget.cost(text);
        chars -= text.length();
        charged -= cost;
        budget.release(cost);
    }

    /** The bound that refused the last {@link #originate} or {@link #hold} that returned null/false. */
    Refusal refused() {
        return refused;
    }

    /** Bytes of the node budget this ledger holds now. */
    long charged() {
        return charged;
    }

    /**
     * Whether to ping for an acknowledgement: the buffer is half full, no solicitation is
     * outstanding and a ping of {@code pingChars} fits. Records the ping's id as outstanding when true.
     */
    boolean shouldSolicit(int pingChars) {
        boolean halfFull = (originated.size() + held.size()) * 2L >= limits.maxEntries()
                || chars * 2 >= limits.maxBytes()
                || (!originated.isEmpty() && budget.underPressure());
        if (halfFull && solicited <= deliveredCount && fits(pingChars)) {
            solicited = 1 - lastId;
            return true;
        }
        return false;
    }

    /** The solicitation ping could not be buffered: none is outstanding. */
    void unsolicit() {
        solicited = 0;
    }

    /** Holds a reply until the next restore; false if it does not fit. */
    boolean hold(String text) {
        if (!charge(text)) {
            return false;
        }
        writableHeld().add(text);
        return true;
    }

    /** {@code receivedCount = max(receivedCount, abs(id))}. */
    void received(long messageId) {
        receivedCount = Math.max(receivedCount, Math.abs(messageId));
    }

    /** Cumulative acknowledgement up to abs(id); ids never originated are ignored. */
    void acknowledge(long messageId) {
        long upTo = Math.abs(messageId);
        if (upTo <= deliveredCount || upTo > -lastId) {
            return;
        }
        if (!originated.isEmpty()) {
            Map<Long, String> acked = originated.headMap(upTo, true);
            for (String text : acked.values()) {
                uncharge(text);
            }
            acked.clear();
        }
        deliveredCount = upTo;
    }

    long receivedCount() {
        return receivedCount;
    }

    long lastId() {
        return lastId;
    }

    /** Whether any originated message is buffered (unacknowledged). */
    boolean buffersOriginated() {
        return !originated.isEmpty();
    }

    /** Passes the unacknowledged originated messages, ascending id. */
    void replayOriginated(Consumer<String> out) {
        originated.values().forEach(out);
    }

    /** Passes the originated messages, then releases the held replies to {@code out}. */
    void replayAll(Consumer<String> out) {
        replayOriginated(out);
        held.forEach(out);
        held.forEach(this::uncharge);
        held = List.of();
    }

    /**
     * Replaces the whole state with a snapshot's (a session continued on this node). The
     * snapshot's messages are charged to the budget even past it: refusing them would lose
     * them; the next message buffered past the budget drops the session.
     */
    void load(SessionSnapshot s) {
        clear();
        s.buffered().forEach((id, text) -> {
            writableOriginated().put(id, text);
            forceCharge(text);
        });
        if (!s.held().isEmpty()) {
            writableHeld().addAll(s.held());
        }
        s.held().forEach(this::forceCharge);
        receivedCount = s.receivedCount();
        deliveredCount = s.deliveredCount();
        lastId = s.lastId();
        solicited = 0;
    }

    /** The unacknowledged originated messages (abs(id) → text), a copy. */
    TreeMap<Long, String> originated() {
        return new TreeMap<>(originated);
    }

    /** The held replies, a copy. */
    List<String> held() {
        return List.copyOf(held);
    }

    long deliveredCount() {
        return deliveredCount;
    }

    private void forceCharge(String text) {
        long cost = SessionBudget.cost(text);
        budget.charge(cost);
        charged += cost;
        chars += text.length();
    }

    /** Empties the buffer and gives its share of the budget back. */
    void clear() {
        originated = Collections.emptyNavigableMap();
        held = List.of();
        chars = 0;
        budget.release(charged);
        charged = 0;
    }

    private NavigableMap<Long, String> writableOriginated() {
        if (!(originated instanceof TreeMap)) {
            originated = new TreeMap<>();
        }
        return originated;
    }

    private List<String> writableHeld() {
        if (!(held instanceof ArrayList)) {
            held = new ArrayList<>();
        }
        return held;
    }

    SessionState state() {
        return new SessionState(receivedCount, deliveredCount, lastId, List.copyOf(originated.keySet()),
                held.size(), chars);
    }
}
