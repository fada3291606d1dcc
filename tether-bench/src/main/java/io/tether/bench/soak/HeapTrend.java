package io.tether.bench.soak;

import java.util.List;

/**
 * The trend of the live heap over the samples after the warm-up: the least-squares slope in
 * KiB per minute, and the means of the first and last quarter of those samples (at least one
 * sample each).
 *
 * @param samples         samples in the window
 * @param slopeKbPerMin   least-squares slope of live heap over time
 * @param firstQuarterKb  mean live heap of the window's first quarter
 * @param lastQuarterKb   mean live heap of the window's last quarter
 * @param minKb           smallest live heap in the window
 * @param maxKb           largest live heap in the window
 */
record HeapTrend(int samples, double slopeKbPerMin, double firstQuarterKb, double lastQuarterKb, long minKb,
                 long maxKb) {

    /** The trend of {@code window} (ordered by time); needs at least three samples. */
    static HeapTrend of(List<SoakSample> window) {
        int n = window.size();
        if (n < 3) {
            throw new IllegalArgumentException("a heap trend needs at least 3 samples after the warm-up, got " + n
                    + ": run longer or sample more often");
        }
        double mt = 0;
        double mh = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (SoakSample s : window) {
            mt += s.elapsedS() / 60.0;
            mh += s.liveHeapKb();
            min = Math.min(min, s.liveHeapKb());
            max = Math.max(max, s.liveHeapKb());
        }
        mt /= n;
        mh /= n;
        double sxy = 0;
        double sxx = 0;
        for (SoakSample s : window) {
            double dt = s.elapsedS() / 60.0 - mt;
            sxy += dt * (s.liveHeapKb() - mh);
            sxx += dt * dt;
        }
        int q = Math.max(1, n / 4);
        return new HeapTrend(n, sxx == 0 ? 0 : sxy / sxx, mean(window.subList(0, q)), mean(window.subList(n - q, n)),
                min, max);
    }

    private static double mean(List<SoakSample> s) {
        return s.stream().mapToLong(SoakSample::liveHeapKb).average().orElse(0);
    }
}
