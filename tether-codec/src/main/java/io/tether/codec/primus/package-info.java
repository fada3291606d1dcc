/**
 * The Primus wire format (the {@code websockets} transformer, JSON parser) that ActionHero's
 * websocket server and its browser client {@code ActionheroWebsocketClient} speak:
 * {@link io.tether.codec.primus.PrimusCodec} decodes text frames into
 * {@link io.tether.codec.primus.PrimusInbound} records and encodes replies.
 */
package io.tether.codec.primus;
