/**
 * Wire pieces of the ActionHero socket line protocol: break-character detection, framing
 * with a hard cap, per-line UTF-8 decoding and classification into {@link
 * io.tether.codec.socket.SocketRequest}s, and the one-buffer-per-message JSON encoder.
 *
 * <pre>{@code
 * pipeline.addLast(new BreakCharacterDetector())
 *         .addLast(SocketFraming.newFrameDecoder("\n", 1 << 20))
 *         .addLast(new SocketLineDecoder(0, new SocketRequestClassifier()))
 *         .addLast(new SocketMessageEncoder())
 *         .addLast(myHandler); // receives SocketRequest, writes SocketMessage
 * }</pre>
 */
package io.tether.codec.socket;
