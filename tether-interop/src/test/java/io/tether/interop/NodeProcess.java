package io.tether.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long-running {@code node} process driven line by line: type into its stdin, wait
 * (generously) for output lines. For interactive programs such as {@code jstp-cli} and for
 * scripts that keep running.
 */
final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
    }

    /** Starts {@code node script args…} (stderr merged into stdout). */
    static NodeProcess start(Path script, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(NodeScript.node(), script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new NodeProcess(pb.start());
    }

    /** Writes one line to the process's stdin. */
    void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits up to 20 s for an output line containing {@code text} and returns it. */
    String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            }
        }
        throw new AssertionError("node printed no line containing '" + text + "' within 20 s; output " + seen);
    }

    /**
     * Waits up to 20 s until every one of {@code texts} has appeared in some output line, in
     * any order (for scripts whose concurrent calls print as their replies arrive), and
     * returns the matching lines in the order of {@code texts}.
     */
    List<String> awaitAll(String... texts) throws InterruptedException {
        String[] found = new String[texts.length];
        int missing = texts.length;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (missing > 0 && System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            for (int i = 0; i < texts.length; i++) {
                if (found[i] == null && line.contains(texts[i])) {
                    found[i] = line;
                    missing--;
                    break;
                }
            }
        }
        if (missing > 0) {
            throw new AssertionError("node did not print lines containing all of " + List.of(texts)
                    + " within 20 s; output " + seen);
        }
        return List.of(found);
    }

    /** Whether the process exited within the timeout. */
    boolean exited(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** The lines read so far. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
