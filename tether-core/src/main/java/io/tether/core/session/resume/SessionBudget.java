package io.tether.core.session.resume;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The node-wide budget of buffered session messages: what all sessions of one store hold in
 * their resend buffers (unacknowledged originated messages and replies held while detached),
 * in bytes as {@link #cost(String)} counts them. Every session's delivery ledger charges it when it
 * buffers and releases exactly what it charged when messages are acknowledged, replayed, or
 * the session is dropped or handed off. Thread-safe; one atomic counter per node, none per
 * session.
 */
public final class SessionBudget {
    /** Bookkeeping of one buffered message beyond its text: String, map entry and key. */
    public static final int ENTRY_OVERHEAD_BYTES = 96;

    private final long limitBytes;
    private final AtomicLong used = new AtomicLong();

    /** A budget of {@code limitBytes} (at least 1). */
    public SessionBudget(long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("session buffer budget must be positive");
        }
        this.limitBytes = limitBytes;
    }

    /** A budget that never refuses (a session outside any store, e.g. in unit tests). */
    public static SessionBudget unbounded() {
        return new SessionBudget(Long.MAX_VALUE);
    }

    /** What buffering {@code text} costs: its length (Latin-1 text is one byte a character) plus the overhead. */
    public static long cost(String text) {
        return text.length() + (long) ENTRY_OVERHEAD_BYTES;
    }

    /** Charges {@code bytes} if they fit within the budget; false (nothing charged) otherwise. */
    boolean tryCharge(long bytes) {
        long now;
        do {
            now = used.get();
            if (now + bytes > limitBytes) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    /** Charges {@code bytes} even past the budget (a session continued from a snapshot). */
    void charge(long bytes) {
        used.addAndGet(bytes);
    }

    /** Gives back {@code bytes} charged earlier. */
    void release(long bytes) {
        if (bytes != 0) {
            used.addAndGet(-bytes);
        }
    }

    /** Whether at least half of the budget is in use: sessions then ask their clients for acknowledgements early. */
    boolean underPressure() {
        return used.get() * 2 >= limitBytes;
    }

    /** Bytes charged now (a gauge). */
    public long usedBytes() {
        return used.get();
    }

    /** The budget in bytes. */
    public long limitBytes() {
        return limitBytes;
    }
}
