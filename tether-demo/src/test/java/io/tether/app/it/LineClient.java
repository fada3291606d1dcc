package io.tether.app.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A blocking telnet-like client for tests: writes lines, reads CRLF-terminated JSON lines. */
final class LineClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    LineClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next raw line (without its terminator), or null at end of stream. */
    String readLine() throws IOException {
        return in.readLine();
    }

    /** The next line parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new IOException("connection closed while waiting for a line");
        }
        return JSON.readValue(line, Map.class);
    }

    static Map<String, Object> parse(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(json, Map.class);
        return map;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
