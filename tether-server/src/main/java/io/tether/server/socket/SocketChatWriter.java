package io.tether.server.socket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SingleThreadEventLoop;
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
 * bytes, written without a flush: one flush after the event-loop iteration sends every message
 * queued for the member in it. Held in the {@link LineBacklog} while a verb is
 * pending off the loop, and a client that does not read is disconnected once more than
 * {@code maxOutboundBytes} are queued for it (the connection's {@link OutboundFlow}).
 */
final class SocketChatWriter implements Runnable {

    private final ChannelHandlerContext ctx;
    private final SocketSession session;
    private final LineBacklog backlog;
    private final OutboundFlow<?> flow;
    private final SocketWireWriter wire;
    private final Runnable onHeldOverflow;
    /** A flush is queued to run after this event-loop iteration (event loop only). */
    private boolean flushScheduled;

    SocketChatWriter(ChannelHandlerContext ctx, SocketSession session, LineBacklog backlog, OutboundFlow<?> flow,
                     SocketWireWriter wire, Runnable onHeldOverflow) {
        this.ctx = ctx;
        this.session = session;
        this.backlog = backlog;
        this.flow = flow;
        this.wire = wire;
        this.onHeldOverflow = onHeldOverflow;
    }

    /** Queues a message from any thread. */
    void queue(RoomDelivery delivery) {
        PreEncoded message = encoded(delivery);
        // always queued, also from this loop: a sender's OK, being written now, goes first
        EventLoops.later(ctx.executor(), () -> write(message));
    }

    /**
     * Writes a message now: on the event loop, from the room fan-out's task for this loop
     * (posted, never run inline, so a sender's OK being written goes first).
     */
    void deliverOnLoop(RoomDelivery delivery) {
        write(encoded(delivery));
    }

    private PreEncoded encoded(RoomDelivery delivery) {
        return delivery.shared(SocketChatWriter.class, m -> wire.encode(SocketReplies.chat(m)));
    }

    private void write(PreEncoded message) {
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
    }

    /** Writes the messages held while a verb was pending (event loop). */
    void flushHeld() {
        for (PreEncoded m = backlog.nextMessage(); m != null && !session.isClosing(); m = backlog.nextMessage()) {
            send(m);
        }
    }

    private void send(PreEncoded message) {
        if (!flow.mayWrite()) {
            return;
        }
        if (flushScheduled) {
            ctx.write(message, ctx.voidPromise()); // the flush after this loop iteration takes it
        } else if (ctx.executor() instanceof SingleThreadEventLoop loop) {
            ctx.write(message, ctx.voidPromise());
            flushScheduled = true;
            loop.executeAfterEventLoopIteration(this);
        } else {
            ctx.writeAndFlush(message, ctx.voidPromise());
        }
    }

    /**
     * The flush of the room messages written during one event-loop iteration: every message
     * queued for this member by then leaves in one write, not one per message (a busy room
     * fans out many messages to the same members in one iteration). Event loop only.
     */
    @Override
    public void run() {
        flushScheduled = false;
        ctx.flush();
    }
}
