/**
 * Outbound encoding shared by both protocols: a {@link io.tether.codec.outbound.WireWriter}
 * says how one message is written; the per-channel
 * {@link io.tether.codec.outbound.CoalescingEncoder} writes every message between two flushes
 * into one buffer.
 *
 * <pre>{@code
 * WireWriter json = new SocketWireWriter();                 // one per listener
 * pipeline.addLast("encoder", new CoalescingEncoder(json)) // one per channel
 *         .addLast("flush", new FlushConsolidationHandler(256, true))
 *         .addLast("handler", handler);
 * }</pre>
 */
package io.tether.codec.outbound;
