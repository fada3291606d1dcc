package io.tether.server.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code openssl s_client -quiet} as a line client: what it prints is what the server sent. */
final class OpensslClient implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;

    private OpensslClient(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port} trusting {@code caFile}, with extra s_client arguments (e.g. -cert, -key, -tls1_2). */
    static OpensslClient connect(int port, java.nio.file.Path caFile, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-CAfile", caFile.toString(), "-verify_return_error", "-quiet"));
        command.addAll(List.of(args));
        try {
            return new OpensslClient(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line the server sent, or null when the connection ended first. */
    String readLine(Duration wait) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Whether openssl exited (the server ended the connection) within {@code wait}. */
    boolean exitedWithin(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
