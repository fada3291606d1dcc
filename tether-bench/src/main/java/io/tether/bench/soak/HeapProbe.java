package io.tether.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The live heap of another JVM: {@code jcmd <pid> GC.run} (a full collection; with the serial
 * collector a compacting one), then {@code jcmd <pid> GC.heap_info}, summing the {@code used}
 * of every generation ("total …K, used …K" lines; metaspace is not heap and not counted).
 * Also the process's RSS and open descriptors from {@code /proc}. The JDK's own jcmd is used
 * (the one running this driver).
 */
final class HeapProbe {
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final long pid;
    private final Path jcmd;

    HeapProbe(long pid) {
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** Used heap after a full GC, in KiB. */
    long liveHeapKb() throws IOException, InterruptedException {
        run("GC.run");
        return usedKb(run("GC.heap_info"));
    }

    /** The summed {@code used} of the generations in a {@code GC.heap_info} text. */
    static long usedKb(String heapInfo) {
        long sum = 0;
        int lines = 0;
        for (String line : heapInfo.split("\n")) {
            Matcher m = USED.matcher(line);
            if (m.find()) {
                sum += Long.parseLong(m.group(1));
                lines++;
            }
        }
        if (lines == 0) {
            throw new IllegalStateException("no 'total …K, used …K' line in GC.heap_info: " + heapInfo);
        }
        return sum;
    }

    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long threads() {
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private String run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
