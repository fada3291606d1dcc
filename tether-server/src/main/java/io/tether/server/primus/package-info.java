/**
 * ActionHero's websocket protocol over Primus ({@code websockets} transformer, JSON parser,
 * path {@code /primus}), a thin adapter over the core: {@link io.tether.server.primus.PrimusEndpoint}
 * is mounted on the HTTP listener; {@code ActionheroWebsocketClient} (actionhero 29.3.5's
 * browser client, generated from the npm packages, never copied into this repository) talks
 * to it unchanged.
 */
package io.tether.server.primus;
