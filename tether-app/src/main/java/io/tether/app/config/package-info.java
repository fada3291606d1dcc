/**
 * Configuration of the runnable server: {@link io.tether.app.config.ConfigLoader} layers
 * {@code reference.conf}, a config file, {@code TETHER_*} environment variables and
 * command-line values; {@link io.tether.app.config.AppConfig} maps the result into the
 * framework's immutable option types, failing with one message that names the bad key or
 * file.
 *
 * <pre>{@code
 * Config config = ConfigLoader.load(Path.of("tether.conf"), System.getenv(), Map.of("tether.socket.port", 6000));
 * AppConfig app = AppConfig.from(config, null);
 * }</pre>
 */
package io.tether.app.config;
