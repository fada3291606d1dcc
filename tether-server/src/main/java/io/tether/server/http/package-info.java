/**
 * The HTTP listener: WebSocket upgrades for the protocols' WebSocket endpoints (JSTP's
 * {@code metarhia-jstp}, and others registered in a {@link io.tether.server.http.WebRoutes}
 * table) and small static resources, with an Origin allow-list, frame and message caps, idle
 * ping/pong, the shared connection limits and back-pressure, and close 1001 at shutdown.
 *
 * <pre>{@code
 * HttpProtocolServer http = new HttpProtocolServer(core, HttpOptions.builder().port(8080).build(),
 *         WebRoutes.builder()
 *                 .webSocket("/jstp", jstp.webSocketEndpoint())
 *                 .resource("/", HttpResource.of("text/html; charset=utf-8", page))
 *                 .build());
 * }</pre>
 */
package io.tether.server.http;
