package io.tether.server.socket;

import io.netty.channel.ChannelHandlerContext;
import io.tether.api.RoomMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.server.flow.OutboundFlow;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes room messages to one socket connection, always on its event loop (so a sender's
 * OK, written first, precedes its own copy): held in the {@link LineBacklog} while a verb is
 * pending off the loop, and a client that does not read is disconnected once more than
 * {@code maxOutboundBytes} are queued for it (the connection's {@link OutboundFlow}).
 */
final class SocketChatWriter {

    private final ChannelHandlerContext ctx;
    private final SocketSession session;
    private final LineBacklog backlog;
    private final OutboundFlow<?> flow;
    private final Runnable onHeldOverflow;

    SocketChatWriter(ChannelHandlerContext ctx, SocketSession session, LineBacklog backlog, OutboundFlow<?> flow,
                     Runnable onHeldOverflow) {
        this.ctx = ctx;
        this.session = session;
        this.backlog = backlog;
        this.flow = flow;
        this.onHeldOverflow = onHeldOverflow;
    }

    /** Queues a message from any thread. */
    void queue(RoomMessage message) {
        try {
            ctx.executor().execute(() -> {
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
        } catch (RejectedExecutionException loopStopped) {
            // the server is stopping; this connection is going away
        }
    }

    /** Writes the messages held while a verb was pending (event loop). */
    void flushHeld() {
        for (RoomMessage m = backlog.nextMessage(); m != null && !session.isClosing(); m = backlog.nextMessage()) {
            send(m);
        }
    }

    private void send(RoomMessage message) {
        if (flow.mayWrite()) {
            ctx.writeAndFlush(SocketReplies.chat(message), ctx.voidPromise());
        }
    }
}
