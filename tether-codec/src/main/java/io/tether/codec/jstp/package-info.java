/**
 * JSTP messages and their TCP framing (each message followed by one NUL byte): a sealed {@link
 * io.tether.codec.jstp.JstpMessage} hierarchy, {@link io.tether.codec.jstp.JstpMessages}
 * to convert between text and messages, and Netty stages for NUL-terminated frames.
 *
 * <pre>{@code
 * JstpMessageDecoder decoder = new JstpMessageDecoder();   // @Sharable
 * JstpWireWriter writer = new JstpWireWriter();           // thread-safe, shared
 * ch.pipeline()
 *   .addLast("frame", new JstpFrameDecoder())              // per channel, 8 MiB cap
 *   .addLast("decode", decoder)
 *   .addLast("encode", new CoalescingEncoder(writer))      // per channel
 *   .addLast("handler", handler);                          // switch (msg) { case Call c -> ... }
 *
 * String text = JstpMessages.defaults().toMdsf(new JstpMessage.Pong(5)); // {pong:[5]}
 * ch.writeAndFlush(text);                                  // byte-identical resend
 * }</pre>
 */
package io.tether.codec.jstp;
