package io.tether.server.socket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.tether.api.RoomMessage;
import io.tether.codec.socket.SocketReplies;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes room messages to one socket connection, always on its event loop (so a sender's
 * OK, written first, precedes its own copy): held in the {@link LineBacklog} while a verb is
 * pending off the loop, and a client that does not read is disconnected once more than
 * {@code maxOutboundBytes} are queued for it.
 */
final class SocketChatWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SocketChatWriter.class);

    private final ChannelHandlerContext ctx;
    private final SocketSession session;
    private final LineBacklog backlog;
    private final long maxOutboundBytes;
    private final Runnable onHeldOverflow;

    SocketChatWriter(ChannelHandlerContext ctx, SocketSession session, LineBacklog backlog, long maxOutboundBytes,
                     Runnable onHeldOverflow) {
        this.ctx = ctx;
        this.session = session;
        this.backlog = backlog;
        this.maxOutboundBytes = maxOutboundBytes;
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
        if (outboundBacklog() > maxOutboundBytes) {
            LOG.info("closing {}: it does not read and over {} bytes of messages are queued for it",
                    ctx.channel().remoteAddress(), maxOutboundBytes);
            session.markClosing();
            ctx.close();
            return;
        }
        ctx.writeAndFlush(SocketReplies.chat(message), ctx.voidPromise());
    }

    private long outboundBacklog() {
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }
}
