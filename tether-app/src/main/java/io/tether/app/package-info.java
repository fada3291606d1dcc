/**
 * The runnable Tether server: {@link io.tether.app.TetherMain} (command line), and
 * {@link io.tether.app.TetherApp}, which assembles the demo application and its listeners
 * from an {@link io.tether.app.config.AppConfig}.
 *
 * <pre>{@code
 * java -jar tether-app/target/tether-app.jar --port 5000 --tls-cert cert.pem --tls-key key.pem --tls-port 5001
 *
 * AppConfig config = AppConfig.from(ConfigLoader.load(null, System.getenv(), Map.of("tether.socket.port", 0)), null);
 * try (TetherServer server = TetherApp.start(config)) {
 *     int port = server.port("socket");
 * }
 * }</pre>
 */
package io.tether.app;
