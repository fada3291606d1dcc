package io.tether.client.socket.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ClientTimeoutException;
import io.tether.client.internal.Dispatcher;
import io.tether.client.internal.PendingCalls;
import io.tether.client.socket.SocketRemoteException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One TCP connection of a socket client and its correlation state: lines sent, the lines
 * still expecting a reply, and the pending calls. Actions are keyed by their messageId,
 * everything else by line number (Tether's {@code messageCount}, else order). Confined to
 * the client's event loop; a lost connection fails its pending calls.
 */
final class SocketConnection {
    private static final String NOT_FOUND = "\"that file is not found\"";

    private final Channel channel;
    private final JsonMapper json;
    private final PendingCalls<String, Received> actions;
    private final PendingCalls<Long, Received> verbs;
    private final ArrayDeque<Long> awaitingLines = new ArrayDeque<>();
    private final CompletableFuture<String> welcome = new CompletableFuture<>();
    private final Dispatcher dispatcher;
    private long linesSent;
    private CompletableFuture<byte[]> fileFuture;
    private ScheduledFuture<?> fileDeadline;

    SocketConnection(Channel channel, JsonMapper json, Dispatcher dispatcher, Consumer<String> onTimeout) {
        this.channel = channel;
        this.json = json;
        this.dispatcher = dispatcher;
        this.actions = new PendingCalls<>(channel.eventLoop(), dispatcher, onTimeout);
        this.verbs = new PendingCalls<>(channel.eventLoop(), dispatcher, onTimeout);
    }

    Channel channel() {
        return channel;
    }

    CompletableFuture<String> welcome() {
        return welcome;
    }

    /** {@code paramAdd messageId=<uuid>} + JSON request in one write. */
    CompletableFuture<Received> sendAction(String name, Map<String, ?> params, Duration timeout) {
        String id = UUID.randomUUID().toString();
        String request = json.writeValueAsString(Map.of("action", name, "params", params));
        long idLine = ++linesSent;
        awaitingLines.add(idLine);
        linesSent++;
        CompletableFuture<Received> f = actions.register(id, "action " + name, timeout, new CompletableFuture<>());
        write("paramAdd messageId=" + id + "\r\n" + request + "\r\n");
        return f;
    }

    /** A verb line whose reply is matched by line number. */
    CompletableFuture<Received> sendVerb(String line, Duration timeout) {
        long n = ++linesSent;
        awaitingLines.add(n);
        CompletableFuture<Received> f = verbs.register(n, line, timeout, new CompletableFuture<>());
        write(line + "\r\n");
        return f;
    }

    /** {@code file <name>} then a marker request that ends the raw capture. */
    CompletableFuture<byte[]> sendFile(String name, Duration timeout, SocketReplyDecoder decoder) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        if (fileFuture != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("a file transfer is in progress"));
        }
        String marker = UUID.randomUUID().toString();
        linesSent++;
        fileFuture = f;
        fileDeadline = channel.eventLoop().schedule(() -> failFile(new ClientTimeoutException("no file " + name
                + " in time")), timeout.toNanos(), TimeUnit.NANOSECONDS);
        decoder.captureFileUntil("(" + marker + ")");
        write("file " + name + "\r\n");
        sendVerb("roomView " + marker, timeout);
        return f;
    }

    void onFile(byte[] content) {
        if (fileFuture == null) {
            return;
        }
        String text = new String(content, StandardCharsets.UTF_8).strip();
        CompletableFuture<byte[]> f = fileFuture;
        fileFuture = null;
        fileDeadline.cancel(false);
        if (text.equals(NOT_FOUND)) {
            dispatcher.fail(f, new SocketRemoteException("that file is not found", null));
        } else {
            dispatcher.complete(f, content);
        }
    }

    private void failFile(Throwable error) {
        if (fileFuture != null) {
            dispatcher.fail(fileFuture, error);
            fileFuture = null;
        }
    }

    /** Routes a {@code context:"response"} reply; false if nobody waited for it. */
    boolean onResponse(JsonNode body) {
        Received r = new Received(body, System.nanoTime());
        JsonNode id = body.get("messageId");
        if (id != null && id.isString() && actions.complete(id.asString(), r)) {
            return true;
        }
        JsonNode count = body.get("messageCount");
        Long line;
        if (count != null && count.canConvertToLong()) {
            line = count.asLong();
            awaitingLines.remove(line);
        } else {
            line = awaitingLines.poll();
        }
        return line != null && verbs.complete(line, r);
    }

    /** Fails everything still waiting (connection lost or closed). */
    void failAll(Throwable error) {
        actions.failAll(error);
        verbs.failAll(error);
        failFile(error);
    }

    private void write(String text) {
        channel.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /** Sends {@code exit} (no reply but the goodbye). */
    void sendExit() {
        linesSent++;
        write("exit\r\n");
    }
}
