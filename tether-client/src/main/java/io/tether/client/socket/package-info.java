/**
 * The ActionHero socket-protocol client: {@link io.tether.client.socket.SocketClient} with
 * {@link io.tether.client.socket.SocketClientOptions} and
 * {@link io.tether.client.socket.SocketClientListener}. Replies are
 * {@link io.tether.client.socket.SocketReply}s of plain Java values (maps, lists, strings,
 * numbers, booleans).
 *
 * <pre>{@code
 * try (SocketClient client = SocketClient.connect(SocketClientOptions.defaults())) {
 *     client.paramAdd("key", "myKey").join();
 *     client.paramAdd("value", "myValue").join();
 *     SocketReply r = client.action("cacheTest").join();
 *     Object value = r.at("cacheTestResults", "loadResp", "value"); // "myValue"
 * }
 * }</pre>
 */
package io.tether.client.socket;
