/**
 * The demo application: the actions {@code randomNumber}, {@code cacheTest},
 * {@code sleepTest} and {@code status} with the reply shapes ActionHero's socket-server
 * demo has, and the rooms {@code defaultRoom} and {@code otherRoom}.
 *
 * <pre>{@code
 * TetherCore core = DemoApplication.install(TetherCore.builder(), identity).build();
 * }</pre>
 */
package io.tether.demo;
