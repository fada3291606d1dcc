package io.tether.codec.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The super-linearity invariant: an input scaled up to {@link #SCALED_BYTES} (1 MiB) by
 * repetition must be processed within a CPU-time budget linear in its bytes and reads.
 *
 * <p>Why this shape: the fuzzer's own inputs are at most a few KiB, where a quadratic path
 * costs microseconds and hides in noise; at 1 MiB the same path costs 10^11–10^12 steps
 * (minutes), while the linear cost measured for these decoders, instrumented by Jazzer, is
 * well under 1 µs per byte and a few µs per read. The budget ({@value #FIXED_NS} ns +
 * {@value #PER_BYTE_NS} ns per byte + {@value #PER_READ_NS} ns per read, about 2.2 s for a
 * MiB in large reads) is ten times or more above the linear cost, so a busy machine does not
 * trip it; and it is measured in CPU time of the calling thread
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}), so being descheduled on a loaded 2-core
 * machine, GC threads and JIT compiler threads do not count. A run over budget is measured
 * twice more and fails only if all three are over.
 *
 * <p>Scaled runs cost up to a second, so while fuzzing they run for one input in
 * {@code tether.fuzz.scaleEvery} (default 16384, chosen by a hash of the <em>whole</em> input:
 * the same input always gets the same decision, so a finding reproduces, and inputs that differ
 * only in their header still decide independently — hashing only the stream made every
 * header mutation of one chosen stream pay a scaled run, which slowed a long run sixfold); in
 * regression mode (plain {@code mvn verify}, no {@code JAZZER_FUZZ}) every corpus input gets one.
 */
final class LinearTime {
    /** Bytes a scaled input is grown to. */
    static final int SCALED_BYTES = 1 << 20;
    static final long FIXED_NS = 200_000_000L;
    static final long PER_BYTE_NS = 10_000L;
    static final long PER_READ_NS = 20_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty() && !System.getenv("JAZZER_FUZZ").equals("0");
    private static final int EVERY = Integer.getInteger("tether.fuzz.scaleEvery", 16384);
    private static final boolean LOG = Boolean.getBoolean("tether.fuzz.logScaled");

    private LinearTime() {
    }

    /** Whether this fuzzer input (all of its bytes, header included) gets a scaled run. */
    static boolean due(byte[] input) {
        if (!FUZZING || EVERY <= 1) {
            return true;
        }
        return Math.floorMod(mix(java.util.Arrays.hashCode(input)), EVERY) == 0;
    }

    /** The budget in ns for {@code bytes} bytes arriving in {@code reads} reads. */
    static long budgetNs(long bytes, long reads) {
        return FIXED_NS + PER_BYTE_NS * bytes + PER_READ_NS * reads;
    }

    /**
     * Runs {@code work} (which processes {@code bytes} bytes in {@code reads} reads) and fails
     * if its CPU time is over the budget three times in a row.
     */
    static void check(String what, long bytes, long reads, Runnable work) {
        long budget = budgetNs(bytes, reads);
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            long spent = THREADS.getCurrentThreadCpuTime() - start;
            if (LOG) {
                System.err.printf("scaled run: %s, %d bytes in %d reads, %.1f ms CPU (%.0f ns/byte), budget %d ms%n",
                        printable(what), bytes, reads, spent / 1e6, (double) spent / bytes, budget / 1_000_000);
            }
            if (spent <= budget) {
                return;
            }
            best = Math.min(best, spent);
        }
        throw new InvariantViolation(printable(what) + ": super-linear? " + bytes + " bytes in " + reads + " reads took "
                + best / 1_000_000 + " ms of CPU at best of 3, budget " + budget / 1_000_000 + " ms");
    }

    /** {@code unit} repeated until at least {@link #SCALED_BYTES} long (empty stays empty). */
    static byte[] repeat(byte[] unit) {
        if (unit.length == 0) {
            return unit;
        }
        int copies = (SCALED_BYTES + unit.length - 1) / unit.length;
        byte[] out = new byte[copies * unit.length];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    /** The first bytes of an input, escaped, for messages. */
    static String preview(byte[] unit) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(unit.length, 80); i++) {
            int b = unit[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\' && b != '"') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append(unit.length > 80 ? "\"... (" + unit.length + " bytes)" : "\"").toString();
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
