package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/test/node} with the {@code node} on PATH and the peers
 * installed by {@code install-peers.sh}; fails (never skips) when either is missing.
 */
final class NodeScript {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    private NodeScript() {
    }

    /** The script's exit code and combined output. */
    record Result(int exitCode, String output) {
    }

    static Result run(String script, Map<String, String> env, String... args) throws IOException,
            InterruptedException {
        requirePeers();
        List<String> command = new ArrayList<>(List.of(node(), MODULE.resolve("src/test/node").resolve(script)
                .toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean exited = p.waitFor(40, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("node script finished in time; output:%n%s", out).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** Fails (never skips) unless every npm peer is installed. */
    static void requirePeers() {
        for (String peer : List.of("actionhero-node-client", "@metarhia/jstp", "mdsf")) {
            Path manifest = MODULE.resolve("node_modules").resolve(peer).resolve("package.json");
            if (!Files.exists(manifest)) {
                fail("npm peers missing (" + manifest + "): run tether-interop/install-peers.sh (./tether test does)");
            }
        }
    }

    /** A file of the installed npm peers, e.g. {@code @metarhia/jstp/bin/cli.js}. */
    static Path peerFile(String relative) {
        requirePeers();
        return MODULE.resolve("node_modules").resolve(relative);
    }

    /** The {@code node} executable on PATH; fails when there is none. */
    static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("node is not on PATH: the interop tests need Node.js (apt-get install nodejs npm)");
    }
}
