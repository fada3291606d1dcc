package io.tether.client.jstp;

import java.time.Duration;

/**
 * One reconnection attempt of a {@link JstpClient}, as the seed's {@code reconnectAttempt}
 * event gives it: the transport's name and the options the transport connects with.
 *
 * @param attempt   the attempt number, from 1
 * @param delay     the backoff delay before this attempt
 * @param transport the transport's name: {@code "net"} (TCP) or {@code "tls"}
 * @param options   the options the transport connects with (host, port, TLS, timeouts)
 */
public record ReconnectAttempt(int attempt, Duration delay, String transport, JstpClientOptions options) {
}
