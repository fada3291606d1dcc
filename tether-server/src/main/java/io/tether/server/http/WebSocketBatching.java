package io.tether.server.http;

import io.netty.buffer.ByteBuf;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.outbound.WireWriter;

/**
 * The outbound batch of a WebSocket connection: sits between Netty's frame encoder and the
 * transport (and the connection's TLS and idle stages) and copies the encoded frames written
 * between two flushes into one buffer, as the TCP listeners' {@link CoalescingEncoder} does
 * for their messages. The replies to one read of pipelined requests then leave as one buffer,
 * one outbound entry and one write completion (the idle stage's listener runs once per batch,
 * not once per frame). The frames themselves stay Netty's: only their bytes are joined. Because
 * it is a {@link CoalescingEncoder}, a connection's {@link io.tether.server.flow.OutboundFlow}
 * counts its pending bytes as for TCP.
 */
final class WebSocketBatching implements WireWriter {
    private static final WebSocketBatching INSTANCE = new WebSocketBatching();

    private WebSocketBatching() {
    }

    /** A batching stage for one connection. */
    static CoalescingEncoder newStage() {
        return new CoalescingEncoder(INSTANCE);
    }

    @Override
    public boolean accepts(Object msg) {
        return msg instanceof ByteBuf;
    }

    @Override
    public void write(Object msg, ByteBuf out) {
        ByteBuf bytes = (ByteBuf) msg;
        out.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
    }
}
