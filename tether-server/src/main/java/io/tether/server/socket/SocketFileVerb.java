package io.tether.server.socket;

import io.tether.server.actionhero.PublicFiles;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.server.pipeline.ProtocolPipeline;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The {@code file} verb: stores the path as the sticky {@code file} param (or
 * uses the stored one), then streams the raw bytes in chunks (never loading the file in
 * memory) or writes the bare string {@code "that file is not found"}.
 */
final class SocketFileVerb {
    private static final int CHUNK_BYTES = 16 * 1024;

    private final PublicFiles files;

    SocketFileVerb(PublicFiles files) {
        this.files = files;
    }

    void serve(ChannelHandlerContext ctx, SocketSession session, SocketRequest.FileRequest request) {
        if (request.path() != null && !request.path().isEmpty()
                && session.sticky().put("file", request.path()) != null) {
            ctx.writeAndFlush(SocketReplies.fileNotFound()); // over the sticky bounds: no such file either
            return;
        }
        Object stored = session.params().get("file");
        Optional<Path> path = files.resolve(stored == null ? null : String.valueOf(stored));
        if (path.isPresent()) {
            try {
                FileChannel channel = FileChannel.open(path.get(), StandardOpenOption.READ);
                chunkedWrites(ctx.pipeline());
                ctx.writeAndFlush(new ChunkedNioFile(channel, CHUNK_BYTES));
                return;
            } catch (IOException e) {
                // unreadable after all: not found
            }
        }
        ctx.writeAndFlush(SocketReplies.fileNotFound());
    }

    /**
     * Adds the chunked-file stage on the head side of the encoder, on a channel's first file:
     * every other connection is spared its handler, context and queue.
     */
    private static void chunkedWrites(ChannelPipeline pipeline) {
        if (pipeline.get(ChunkedWriteHandler.class) == null) {
            pipeline.addBefore(ProtocolPipeline.ENCODER, "files", new ChunkedWriteHandler());
        }
    }
}
