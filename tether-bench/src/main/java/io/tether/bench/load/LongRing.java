package io.tether.bench.load;

/** A growable FIFO of primitive longs (send times of in-order requests). Single-threaded. */
final class LongRing {
    private long[] items;
    private int head;
    private int size;

    LongRing(int capacity) {
        items = new long[Integer.highestOneBit(Math.max(2, capacity) - 1) << 1];
    }

    void add(long v) {
        if (size == items.length) {
            long[] bigger = new long[items.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[(head + i) & (items.length - 1)];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) & (items.length - 1)] = v;
        size++;
    }

    /** Removes and returns the oldest value; the caller checks {@link #isEmpty()} first. */
    long poll() {
        long v = items[head];
        head = (head + 1) & (items.length - 1);
        size--;
        return v;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
