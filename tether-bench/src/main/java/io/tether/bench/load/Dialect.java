package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;

/**
 * One wire protocol as the load generator sees it: framing, greeting, request encoding
 * and reply classification. Implementations are immutable and shared by all connections.
 */
public interface Dialect {
    /** A new frame decoder (stateful: one per channel) that strips the terminator. */
    ChannelHandler frameDecoder();

    /** The bytes to send right after connecting (handshake), or {@code null}. */
    ByteBuf greeting(ByteBufAllocator alloc);

    /** Whether a connection may send requests as soon as it is connected. */
    boolean readyOnConnect();

    /** Whether replies carry the request id ({@link ReplySink#reply}) rather than arriving in order. */
    boolean matchesById();

    /** Appends request number {@code id} (1, 2, 3, … per connection). */
    void writeRequest(long id, ByteBuf out);

    /** Classifies one inbound frame (terminator stripped) and reports it to {@code sink}. */
    void onFrame(ByteBuf frame, boolean ready, ReplySink sink);

    /** The dialect for these options. */
    static Dialect of(LoadOptions options) {
        return switch (options.protocol()) {
            case SOCKET -> new SocketDialect(options.request(), options.json());
            case JSTP -> new JstpDialect(options.app(), options.iface(), options.request(), options.args());
            case REDIS -> new RedisDialect();
        };
    }
}
