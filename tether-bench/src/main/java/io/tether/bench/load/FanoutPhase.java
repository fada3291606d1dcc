package io.tether.bench.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The phase of a fan-out run that every connection reads: when measuring starts and ends
 * (generator {@link System#nanoTime()}), whether sending stopped, and the failures seen.
 */
final class FanoutPhase {
    private static final int MAX_MESSAGES = 5;

    private final LongAdder failures = new LongAdder();
    private final LongAdder sentInWindow = new LongAdder();
    private final LongAdder deliveredOfWindow = new LongAdder();
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private volatile long measureStart = Long.MAX_VALUE;
    private volatile long measureEnd = Long.MAX_VALUE;
    private volatile boolean stopping;

    long measureStart() {
        return measureStart;
    }

    long measureEnd() {
        return measureEnd;
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Messages stamped in [{@code start}, {@code end}) are measured. Both ends are fixed before the
     * first message, so a sender and every receiver judge a stamp by the same window (an end set
     * only when the window is over would count a message stamped just after it as owed by the
     * sender but not as delivered by the receivers).
     */
    void window(long start, long end) {
        measureEnd = end;
        measureStart = start; // written last: a reader that sees the start sees the end
    }

    /** Ends the measured window and stops every sender. */
    void stop(long nanoTime) {
        measureEnd = nanoTime;
        stopping = true;
    }

    /** A message stamped inside the window was sent. */
    void sentInWindow() {
        sentInWindow.increment();
    }

    /** A member received a message stamped inside the window. */
    void deliveredOfWindow() {
        deliveredOfWindow.increment();
    }

    /** Deliveries still owed for the window's messages, {@code members} per message (an estimate while running). */
    long owed(int members) {
        return sentInWindow.sum() * members - deliveredOfWindow.sum();
    }

    void failure(String why) {
        failures.increment();
        if (messages.size() < MAX_MESSAGES) {
            messages.add(why);
        }
    }

    long failures() {
        return failures.sum();
    }

    String firstFailure() {
        String first = messages.peek();
        return first == null ? "" : first;
    }
}
