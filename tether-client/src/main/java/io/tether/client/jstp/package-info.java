/**
 * The JSTP client: {@link io.tether.client.jstp.JstpClient} with
 * {@link io.tether.client.jstp.JstpClientOptions}, {@link io.tether.client.jstp.JstpClientListener},
 * remote proxies and locally hosted interfaces.
 *
 * <pre>{@code
 * try (JstpClient client = JstpClient.connectAndInspect(JstpClientOptions.defaults(), "testApp", "calculator")) {
 *     List<Object> r = client.remoteProxies().get("calculator").call("divide", 10, 4).join(); // [2.5]
 * }
 * }</pre>
 */
package io.tether.client.jstp;
