package io.tether.server.socket;

import io.netty.channel.ChannelHandlerContext;
import io.tether.codec.outbound.PreEncoded;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketWireWriter;
import io.tether.core.room.RoomDelivery;
import io.tether.server.EventLoops;
import io.tether.server.flow.OutboundFlow;

/**
 * Writes room messages to one socket connection, always on its event loop (so a sender's
 * OK, written first, precedes its own copy). The chat line of a message is serialized once
 * for all members ({@link RoomDelivery#shared}) and every member's channel copies the same
 * bytes. Held in the {@link LineBacklog} while a verb is
 * pending off the loop, and a client that does not read is disconnected once more than
 * {@code maxOutboundBytes} are queued for it (the connection's {@link OutboundFlow}).
 */
final class SocketChatWriter {

    private final ChannelHandlerContext ctx;
    private final SocketSession session;
    private final LineBacklog backlog;
    private final OutboundFlow<?> flow;
    private final SocketWireWriter wire;
    private final Runnable onHeldOverflow;

    SocketChatWriter(ChannelHandlerContext ctx, SocketSession session, LineBacklog backlog, OutboundFlow<?> flow,
                     SocketWireWriter wire, Runnable onHeldOverflow) {
        this.ctx = ctx;
        this.session = session;
        this.backlog = backlog;
        this.flow = flow;
        this.wire = wire;
        this.onHeldOverflow = onHeldOverflow;
    }

    /** Queues a message from any thread (the room's fan-out). */
    void queue(RoomDelivery delivery) {
        PreEncoded message = delivery.shared(SocketChatWriter.class, m -> wire.encode(SocketReplies.chat(m)));
        // always queued, also from this loop: a sender's OK, being written now, goes first
        EventLoops.later(ctx.executor(), () -> {
            if (session.isClosing()) {
                return;
            }
            if (backlog.pending()) {
                if (!backlog.holdMessage(message)) {
                    onHeldOverflow.run();
                }
                return;
            }
            send(message);
        });
    }

    /** Writes the messages held while a verb was pending (event loop). */
    void flushHeld() {
        for (PreEncoded m = backlog.nextMessage(); m != null && !session.isClosing(); m = backlog.nextMessage()) {
            send(m);
        }
    }

    private void send(PreEncoded message) {
        if (flow.mayWrite()) {
            ctx.writeAndFlush(message, ctx.voidPromise());
        }
    }
}
