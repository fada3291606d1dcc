/**
 * The runnable Tether server, for your own application: {@link io.tether.app.Tether#run} from
 * your {@code main} with a {@link io.tether.app.TetherApplication} (command line, config file and
 * {@code TETHER_*} environment, admin HTTP, signals, graceful shutdown, exit codes);
 * {@link io.tether.app.TetherMain}, which hosts the application registered on the class path;
 * and {@link io.tether.app.TetherApp}, which assembles an application and its listeners from an
 * {@link io.tether.app.config.AppConfig} (tests, embedding).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Tether.run(args, app -> app.action(HelloAction.create()).room("lobby"));
 * }
 *
 * AppConfig config = AppConfig.from(ConfigLoader.load(null, System.getenv(), Map.of("tether.socket.port", 0)), null);
 * try (TetherServer server = TetherApp.start(config, app -> app.action(HelloAction.create()))) {
 *     int port = server.port("socket");
 * }
 * }</pre>
 */
package io.tether.app;
