package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One wire protocol as the load generator sees it: framing, greeting, request encoding
 * and reply classification. Implementations are immutable and shared by all connections.
 */
public interface Dialect {
    /** The byte that ends each inbound frame. */
    byte terminator();

    /** The longest inbound frame accepted (terminator excluded). */
    int maxFrameBytes();

    /** The bytes to send right after connecting (handshake), or {@code null}. */
    ByteBuf greeting(ByteBufAllocator alloc);

    /** Whether a connection may send requests as soon as it is connected. */
    boolean readyOnConnect();

    /** Whether replies carry the request id ({@link ReplySink#reply}) rather than arriving in order. */
    boolean matchesById();

    /** Appends request number {@code id} (1, 2, 3, … per connection). */
    void writeRequest(long id, ByteBuf out);

    /**
     * Classifies one inbound frame, {@code bytes[from, to)} (terminator stripped; the array is
     * reused after the call), and reports it to {@code sink}.
     */
    void onFrame(byte[] bytes, int from, int to, boolean ready, ReplySink sink);

    /** The dialect for these options. */
    static Dialect of(LoadOptions options) {
        return switch (options.protocol()) {
            case SOCKET -> new SocketDialect(options.request(), options.json());
            case JSTP -> new JstpDialect(options.app(), options.iface(), options.request(), options.args());
            case PRIMUS -> new PrimusDialect(options.request());
            case REDIS -> new RedisDialect();
        };
    }
}
