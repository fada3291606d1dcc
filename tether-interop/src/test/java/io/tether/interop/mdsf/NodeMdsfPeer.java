package io.tether.interop.mdsf;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real npm {@code mdsf} running in a {@code node} child process that speaks the
 * JSON-lines protocol of {@code src/test/node/mdsf-peer.js}. Fails (never skips) when
 * node or the installed npm peers are missing.
 */
final class NodeMdsfPeer implements AutoCloseable {
    private final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private final Process process;
    private final BufferedReader in;
    private final OutputStream out;

    NodeMdsfPeer(Path moduleDir) throws IOException {
        Path node = findOnPath("node");
        if (!Files.isDirectory(moduleDir.resolve("node_modules/mdsf"))) {
            throw new IllegalStateException("npm peers missing in " + moduleDir
                    + "/node_modules: run tether-interop/install-peers.sh");
        }
        Path script = moduleDir.resolve("src/test/node/mdsf-peer.js");
        Path log = moduleDir.resolve("target/mdsf-peer.log");
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(node.toString(), script.toString())
                .directory(moduleDir.toFile())
                .redirectError(log.toFile())
                .start();
        in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        out = process.getOutputStream();
    }

    private static Path findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("'" + name + "' not found on PATH (" + path
                + "); the interop tests need Node.js");
    }

    /** Sends one request and returns the decoded reply; an {@code error} reply fails. */
    @SuppressWarnings("unchecked")
    Map<String, Object> request(Map<String, Object> request) throws IOException {
        out.write(json.writeValueAsString(request).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new IllegalStateException("node peer exited; see target/mdsf-peer.log");
        }
        Map<String, Object> reply = json.readValue(line, Map.class);
        if (reply.containsKey("error")) {
            throw new IllegalStateException("node peer error: " + reply.get("error"));
        }
        return reply;
    }

    @Override
    public void close() throws Exception {
        out.close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
