package io.tether.bench.soak;

import java.util.Locale;

/**
 * One sample of a soak run: the server's live heap (used after a full GC), RSS, descriptors
 * and threads, with the driver's counters at that moment.
 */
record SoakSample(double elapsedS, long liveHeapKb, long rssKb, long fds, long threads, long cycles,
                  long connections, long requests, long drops, long restores, long expectedErrors, long errors,
                  int inFlight, long skipped) {
    static final String CSV_HEADER = "elapsed_s,live_heap_kb,rss_kb,fds,threads,cycles,connections,requests,"
            + "drops,restores,expected_errors,errors,in_flight,skipped";

    String csv() {
        return String.format(Locale.ROOT, "%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d", elapsedS, liveHeapKb,
                rssKb, fds, threads, cycles, connections, requests, drops, restores, expectedErrors, errors,
                inFlight, skipped);
    }
}
