/**
 * Wire pieces of the ActionHero socket line protocol: break-character detection, framing
 * with a hard cap, per-line UTF-8 decoding and classification into {@link
 * io.tether.codec.socket.SocketRequest}s, and the JSON writer of outbound messages (used through a
 * {@link io.tether.codec.outbound.CoalescingEncoder}).
 *
 * <pre>{@code
 * pipeline.addLast(new BreakCharacterDetector())
 *         .addLast(SocketFraming.newFrameDecoder("\n", 1 << 20))
 *         .addLast(new SocketLineDecoder(0, new SocketRequestClassifier()))
 *         .addLast(new CoalescingEncoder(new SocketWireWriter()))   // writer shareable
         .addLast(new FlushConsolidationHandler(256, true))
 *         .addLast(myHandler); // receives SocketRequest, writes SocketMessage
 * }</pre>
 */
package io.tether.codec.socket;
