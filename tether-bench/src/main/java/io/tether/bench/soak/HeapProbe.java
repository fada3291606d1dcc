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
 * The live heap of another JVM: {@code jcmd <pid> GC.class_histogram}, which runs a full
 * collection and then counts what survived it, in one safepoint: its {@code Total} line is the
 * live heap in bytes. (Not {@code GC.run} followed by {@code GC.heap_info}: those are two
 * attaches, seconds apart on a busy machine, and the second one counts whatever the server
 * allocated into the young generation in between: 13 MB live read as up to 65 MB under load.)
 * Also the process's RSS, threads and open descriptors from {@code /proc}. The JDK's own jcmd is
 * used (the one running this driver).
 */
final class HeapProbe {
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final long pid;
    private final Path jcmd;

    HeapProbe(long pid) {
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** Bytes of the objects that survive a full GC, in KiB. */
    long liveHeapKb() throws IOException, InterruptedException {
        return liveKb(run("GC.class_histogram"));
    }

    /** The {@code Total} bytes of a {@code GC.class_histogram} text, in KiB. */
    static long liveKb(String histogram) {
        Matcher m = TOTAL.matcher(histogram);
        if (!m.find()) {
            throw new IllegalStateException("no 'Total <instances> <bytes>' line in GC.class_histogram: "
                    + histogram.substring(Math.max(0, histogram.length() - 500)));
        }
        return Long.parseLong(m.group(2)) / 1024;
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
