package io.tether.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of processes, read from {@code /proc/<pid>/stat}
 * (utime + stime, fields 14 and 15, in clock ticks of 1/100 s) and
 * {@code /proc/<pid>/status} ({@code VmRSS}). Several pids are summed (e.g. node + redis).
 *
 * @param cpuTicks  summed user + system CPU time in ticks
 * @param rssKb     summed resident set size in KiB
 * @param nanoTime  when the sample was taken
 * @param available whether every process could be read
 */
record ProcessSample(long cpuTicks, long rssKb, long nanoTime, boolean available) {
    /** Linux USER_HZ: 100 on every mainstream architecture. */
    static final int TICKS_PER_SECOND = 100;

    static ProcessSample of(List<Long> pids) {
        long ticks = 0;
        long rss = 0;
        boolean ok = !pids.isEmpty();
        for (long pid : pids) {
            try {
                ticks += cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
                rss += rssKb(Files.readAllLines(Path.of("/proc/" + pid + "/status")));
            } catch (IOException | RuntimeException e) {
                ok = false;
            }
        }
        return new ProcessSample(ticks, rss, System.nanoTime(), ok);
    }

    /** The soft limit of open files of this process ({@code /proc/self/limits}), or -1 if unknown. */
    static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static ProcessSample self() {
        return of(List.of(ProcessHandle.current().pid()));
    }

    /** CPU use between {@code earlier} and this sample, in percent of one core (-1 if unknown). */
    double cpuPercentSince(ProcessSample earlier) {
        double seconds = (nanoTime - earlier.nanoTime) / 1e9;
        if (!available || !earlier.available || seconds <= 0) {
            return -1;
        }
        return (cpuTicks - earlier.cpuTicks) * 100.0 / TICKS_PER_SECOND / seconds;
    }

    static long cpuTicks(String stat) {
        // the command name (field 2) may contain spaces: fields are counted after its ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKb(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS line");
    }
}
