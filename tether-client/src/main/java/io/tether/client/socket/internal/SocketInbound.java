package io.tether.client.socket.internal;

import io.tether.client.ClientException;
import io.tether.client.socket.RoomMessage;
import io.tether.client.socket.SocketClientListener;
import io.tether.client.socket.SocketRemoteException;
import io.tether.client.socket.SocketReply;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interprets one reply line by its {@code context}: {@code api} (welcome, goodbye),
 * {@code user} (room message) or {@code response} (matched to its call by the connection).
 * Unmatched error replies and unreadable lines are reported to the listener. Event loop only.
 */
final class SocketInbound {
    private final JsonMapper json;
    private final Consumer<Consumer<SocketClientListener>> emit;
    private final Consumer<String> welcomed;

    SocketInbound(JsonMapper json, Consumer<Consumer<SocketClientListener>> emit, Consumer<String> welcomed) {
        this.json = json;
        this.emit = emit;
        this.welcomed = welcomed;
    }

    void onLine(SocketConnection conn, String line) {
        JsonNode body;
        try {
            body = json.readTree(line);
        } catch (RuntimeException e) {
            emit.accept(l -> l.onError(new ClientException("not JSON: " + line, e)));
            return;
        }
        switch (body.path("context").asString("")) {
            case "api" -> onApi(conn, body);
            case "user" -> onSay(body);
            case "response" -> {
                if (!conn.onResponse(body) && body.hasNonNull("error")) {
                    SocketRemoteException e = new SocketRemoteException(body.get("error").asString(),
                            new SocketReply(PlainJson.object(body), Duration.ZERO));
                    emit.accept(l -> l.onError(e));
                }
            }
            default -> emit.accept(l -> l.onError(new ClientException("unexpected message: " + line)));
        }
    }

    private void onApi(SocketConnection conn, JsonNode body) {
        if (body.hasNonNull("welcome")) {
            String text = body.get("welcome").asString();
            welcomed.accept(text);
            emit.accept(l -> l.onWelcome(text));
            conn.welcome().complete(text);
        } else if ("Bye".equals(body.path("status").asString(""))) {
            conn.channel().close(); // the server closes too; do not wait for it
        }
    }

    private void onSay(JsonNode b) {
        RoomMessage m = new RoomMessage(b.path("room").asString(null), b.path("from").asString(null),
                b.path("message").asString(null), Instant.ofEpochMilli(b.path("sentAt").asLong(0)), Instant.now());
        emit.accept(l -> l.onSay(m));
    }
}
