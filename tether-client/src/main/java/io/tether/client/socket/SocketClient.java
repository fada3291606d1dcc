package io.tether.client.socket;

import io.tether.client.ConnectionState;
import io.tether.client.socket.internal.DefaultSocketClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the ActionHero socket protocol (Java counterpart of actionhero-node-client).
 *
 * <p>Every remote call returns a {@link CompletableFuture} with a deadline (the options'
 * {@code requestTimeout}, or the {@code timeout} argument): it completes with the reply,
 * fails with {@link SocketRemoteException} when the reply carries an {@code error}, with
 * {@link io.tether.client.ClientTimeoutException} when the deadline passes, or with
 * {@link io.tether.client.ConnectionLostException} when the connection is gone. Futures are
 * completed off the I/O thread.
 *
 * <p><b>Many calls in flight.</b> Calls are pipelined on one connection. Each action is sent
 * as {@code paramAdd messageId=<uuid>} followed by a JSON request whose {@code params} carry
 * no messageId: the server fixes the JSON line's id from the sticky param just added, and
 * the JSON {@code params} then replace the sticky set, so the server's sticky params never
 * keep a messageId and every action reply is matched by its own uuid (this works against
 * the reference ActionHero server too). Verb replies are matched by the {@code messageCount}
 * Tether adds to every reply, falling back to request order when a server omits it.
 *
 * <p><b>Sticky params.</b> The client keeps the sticky params it set with
 * {@link #paramAdd}; {@link #action(String)} sends them as the action's params, so the
 * action sees exactly those. {@link #actionWithParams} sends the sticky params overlaid with
 * the given ones for that call only — the client's sticky set is unchanged, and the next
 * {@code action} sends it again. After a reconnection the sticky params are re-added and
 * the rooms rejoined before waiting calls are sent.
 *
 * <pre>{@code
 * try (SocketClient client = SocketClient.connect(SocketClientOptions.defaults())) {
 *     SocketReply r = client.action("randomNumber").join();
 *     System.out.println(r.get("randomNumber"));
 * }
 * }</pre>
 */
public interface SocketClient extends AutoCloseable {

    /**
     * Connects, waits for the welcome and runs {@code detailsView} (as actionhero-node-client);
     * blocks at most the connect timeout.
     *
     * @throws io.tether.client.ClientException if the connection cannot be established
     */
    static SocketClient connect(SocketClientOptions options) {
        try {
            return DefaultSocketClient.connect(options).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof io.tether.client.ClientException c ? c : e;
        }
    }

    /** Non-blocking {@link #connect}. */
    static CompletableFuture<SocketClient> connectAsync(SocketClientOptions options) {
        return DefaultSocketClient.connect(options).thenApply(c -> c);
    }

    /** The connection id given by the server ({@code details.id}); changes on reconnection. */
    String id();

    /** The welcome text of the current connection. */
    String welcome();

    /** Current lifecycle state. */
    ConnectionState state();

    /** Runs an action with the client's sticky params. */
    CompletableFuture<SocketReply> action(String name);

    /** Runs an action with the sticky params overlaid by {@code params} (for this call only). */
    CompletableFuture<SocketReply> actionWithParams(String name, Map<String, ?> params);

    /** As {@link #actionWithParams(String, Map)} with its own deadline. */
    CompletableFuture<SocketReply> actionWithParams(String name, Map<String, ?> params, Duration timeout);

    /**
     * Adds a sticky param (string value without spaces or {@code =}, as the verb allows);
     * the server keeps only whitelisted keys (action inputs, {@code file}, ...).
     */
    CompletableFuture<SocketReply> paramAdd(String key, String value);

    /** The server's value of a sticky param ({@code data}), or a reply without data. */
    CompletableFuture<SocketReply> paramView(String key);

    /** Removes a sticky param. */
    CompletableFuture<SocketReply> paramDelete(String key);

    /** The server's sticky params. */
    CompletableFuture<SocketReply> paramsView();

    /** Removes all sticky params. */
    CompletableFuture<SocketReply> paramsDelete();

    /** The connection's details ({@code detailsView}). */
    CompletableFuture<SocketReply> details();

    /** Joins a room (rejoined automatically after reconnection). */
    CompletableFuture<SocketReply> roomAdd(String room);

    /** Leaves a room. */
    CompletableFuture<SocketReply> roomLeave(String room);

    /** Members of a room the client is in. */
    CompletableFuture<SocketReply> roomView(String room);

    /** Says something in a room the client is in. */
    CompletableFuture<SocketReply> say(String room, String message);

    /**
     * Fetches a file from the server's public directory ({@code file} verb). The protocol
     * sends raw bytes without framing; the client ends the capture with a marker request, so
     * do not run other calls or receive room messages concurrently or they end up in the content.
     * Fails with {@link SocketRemoteException} ({@code that file is not found}).
     */
    CompletableFuture<byte[]> file(String name);

    /** Rooms the client joined (and will rejoin after reconnection). */
    Set<String> rooms();

    /** The client's sticky params (re-added after reconnection). */
    Map<String, String> stickyParams();

    /** Sends {@code exit}, waits for the goodbye, closes; pending calls fail. */
    CompletableFuture<Void> disconnect();

    /** {@link #disconnect()} and wait (bounded by the request timeout). */
    @Override
    void close();
}
