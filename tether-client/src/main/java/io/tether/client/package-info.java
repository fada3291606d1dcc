/**
 * Java clients for Tether's two protocols, and what they share: {@link io.tether.client.ConnectionState}
 * (lifecycle events), {@link io.tether.client.ReconnectOptions} with a pluggable
 * {@link io.tether.client.Backoff}, {@link io.tether.client.ClientTlsOptions} and the exception
 * hierarchy rooted at {@link io.tether.client.ClientException}.
 *
 * <pre>{@code
 * var options = SocketClientOptions.builder().port(5000)
 *         .reconnect(ReconnectOptions.of(Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(10),
 *                 Duration.ofMillis(500)), 10))
 *         .build();
 * try (SocketClient client = SocketClient.connect(options)) {
 *     client.action("randomNumber").thenAccept(r -> System.out.println(r.get("randomNumber"))).join();
 * }
 * }</pre>
 *
 * @see io.tether.client.socket.SocketClient
 * @see io.tether.client.jstp.JstpClient
 */
package io.tether.client;
