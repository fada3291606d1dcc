package io.tether.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.atomic.AtomicInteger;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * The Netty transport in use: native epoll when available (Linux), else NIO.
 *
 * @param name               {@code epoll} or {@code nio}
 * @param ioHandlerFactory   factory of the event loops' I/O handlers
 * @param serverChannelClass server channel implementation
 */
public record NettyTransport(String name, IoHandlerFactory ioHandlerFactory,
                             Class<? extends ServerChannel> serverChannelClass) {

    /** Epoll when the native library loads, unless {@code preferNio}; NIO otherwise. */
    public static NettyTransport select(boolean preferNio) {
        if (!preferNio && "io_uring".equals(System.getProperty("tether.transport"))
                && io.netty.channel.uring.IoUring.isAvailable()) {
            return new NettyTransport("io_uring", io.netty.channel.uring.IoUringIoHandler.newFactory(),
                    io.netty.channel.uring.IoUringServerSocketChannel.class);
        }
        if (!preferNio && Epoll.isAvailable()) {
            return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
        }
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }

    /** The server channel implementation for a unix-domain socket listener of this transport. */
    public Class<? extends ServerChannel> domainServerChannelClass() {
        return "epoll".equals(name) ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class;
    }

    /** The address a unix-domain socket listener of this transport binds for {@code path}. */
    public SocketAddress domainAddress(Path path) {
        return "epoll".equals(name) ? new DomainSocketAddress(path.toFile()) : UnixDomainSocketAddress.of(path);
    }

    /**
     * A new event loop group of this transport; {@code threads} 0 means Netty's default. Its
     * threads are named {@code namePrefix0}, {@code namePrefix1}, … and are Netty
     * {@link FastThreadLocalThread}s: Netty keeps its per-thread state (allocator caches, the
     * temporary arrays of string decoding, recyclers) in fast thread-locals only on such threads
     * and allocates afresh on any other. Its loops survive an {@link Error} (see
     * {@link GuardedEventLoopGroup}).
     */
    public EventLoopGroup newGroup(int threads, String namePrefix) {
        AtomicInteger next = new AtomicInteger();
        return new GuardedEventLoopGroup(threads,
                task -> new FastThreadLocalThread(task, namePrefix + next.getAndIncrement()), ioHandlerFactory);
    }
}
