package io.tether.client.socket.internal;

import io.tether.client.ConnectionState;
import io.tether.client.socket.SocketClient;
import io.tether.client.socket.SocketClientOptions;
import io.tether.client.socket.SocketRemoteException;
import io.tether.client.socket.SocketReply;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The socket client's API: validates arguments, builds request lines and interprets replies;
 * connection, reconnection and correlation live in {@link SocketSession} and
 * {@link SocketConnection}.
 */
public final class DefaultSocketClient implements SocketClient {
    private final SocketClientOptions options;
    private final SocketSession session;

    private DefaultSocketClient(SocketClientOptions options, SocketSession session) {
        this.options = options;
        this.session = session;
    }

    /** Connects a new client (see {@link SocketClient#connect}). */
    public static CompletableFuture<DefaultSocketClient> connect(SocketClientOptions options) {
        return SocketSession.connect(options).thenApply(s -> new DefaultSocketClient(options, s));
    }

    private CompletableFuture<SocketReply> verb(String line) {
        long start = System.nanoTime();
        return session.call(options.requestTimeout(), (c, left) -> c.sendVerb(line, left))
                .thenApply(r -> reply(r, start));
    }

    private static SocketReply reply(Received r, long start) {
        SocketReply reply = new SocketReply(PlainJson.object(r.body()), Duration.ofNanos(r.arrivalNanos() - start));
        JsonNode status = r.body().get("status");
        if (reply.error() != null) {
            throw new SocketRemoteException(reply.error(), reply);
        }
        if (status != null && !"OK".equals(status.asString())) {
            throw new SocketRemoteException(status.asString(), reply);
        }
        return reply;
    }

    @Override
    public CompletableFuture<SocketReply> action(String name) {
        return actionWithParams(name, Map.of(), options.requestTimeout());
    }

    @Override
    public CompletableFuture<SocketReply> actionWithParams(String name, Map<String, ?> params) {
        return actionWithParams(name, params, options.requestTimeout());
    }

    @Override
    public CompletableFuture<SocketReply> actionWithParams(String name, Map<String, ?> params, Duration timeout) {
        if (name == null || name.isEmpty() || params == null) {
            return Words.invalid("action name");
        }
        long start = System.nanoTime();
        return session.call(timeout, (c, left) -> c.sendAction(name, session.sticky().overlay(params), left)).thenApply(r -> reply(r, start));
    }

    @Override
    public CompletableFuture<SocketReply> paramAdd(String key, String value) {
        if ("messageId".equals(key)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "messageId is managed by the client (it correlates replies)"));
        }
        if (!Words.isWord(key) || key.contains("=") || !Words.isWord(value) || value.contains("=")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "param key and value must be non-empty and contain no spaces, '=' or line breaks"));
        }
        return verb("paramAdd " + key + "=" + value).thenApply(r -> {
            session.sticky().params().put(key, value);
            return r;
        });
    }

    @Override
    public CompletableFuture<SocketReply> paramView(String key) {
        return Words.isWord(key) ? verb("paramView " + key) : Words.invalid("key");
    }

    @Override
    public CompletableFuture<SocketReply> paramDelete(String key) {
        if (!Words.isWord(key)) {
            return Words.invalid("key");
        }
        return verb("paramDelete " + key).thenApply(r -> {
            session.sticky().params().remove(key);
            return r;
        });
    }

    @Override
    public CompletableFuture<SocketReply> paramsView() {
        return verb("paramsView");
    }

    @Override
    public CompletableFuture<SocketReply> paramsDelete() {
        return verb("paramsDelete").thenApply(r -> {
            session.sticky().params().clear();
            return r;
        });
    }

    @Override
    public CompletableFuture<SocketReply> details() {
        return verb("detailsView");
    }

    @Override
    public CompletableFuture<SocketReply> roomAdd(String room) {
        if (!Words.isWord(room)) {
            return Words.invalid("room");
        }
        return verb("roomAdd " + room).thenApply(r -> {
            session.sticky().rooms().add(room);
            return r;
        });
    }

    @Override
    public CompletableFuture<SocketReply> roomLeave(String room) {
        if (!Words.isWord(room)) {
            return Words.invalid("room");
        }
        return verb("roomLeave " + room).thenApply(r -> {
            session.sticky().rooms().remove(room);
            return r;
        });
    }

    @Override
    public CompletableFuture<SocketReply> roomView(String room) {
        return Words.isWord(room) ? verb("roomView " + room) : Words.invalid("room");
    }

    @Override
    public CompletableFuture<SocketReply> say(String room, String message) {
        if (!Words.isWord(room) || message == null || message.isEmpty() || Words.hasLineBreak(message)) {
            return Words.invalid("room or message");
        }
        return verb("say " + room + " " + message);
    }

    @Override
    public CompletableFuture<byte[]> file(String name) {
        if (!Words.isWord(name)) {
            return Words.invalid("file name");
        }
        return session.call(options.requestTimeout(), (c, left) -> c.sendFile(name, left, session.decoder()));
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(session.sticky().rooms());
    }

    @Override
    public Map<String, String> stickyParams() {
        return Map.copyOf(session.sticky().params());
    }

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public String welcome() {
        return session.welcome();
    }

    @Override
    public ConnectionState state() {
        return session.state();
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return session.disconnect();
    }

    @Override
    public void close() {
        try {
            disconnect().get(options.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
