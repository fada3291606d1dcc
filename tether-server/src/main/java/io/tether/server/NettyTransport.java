package io.tether.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerDomainSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.atomic.AtomicInteger;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * The Netty transport in use: native epoll, io_uring or NIO, as {@link Transport} asked.
 *
 * @param name               {@code epoll}, {@code io_uring} or {@code nio}
 * @param ioHandlerFactory   factory of the event loops' I/O handlers
 * @param serverChannelClass server channel implementation
 */
public record NettyTransport(String name, IoHandlerFactory ioHandlerFactory,
                             Class<? extends ServerChannel> serverChannelClass) {

    /** Epoll when the native library loads, unless {@code preferNio}; NIO otherwise. */
    public static NettyTransport select(boolean preferNio) {
        return select(preferNio ? Transport.NIO : Transport.AUTO);
    }

    /**
     * The transport {@code wanted}: {@link Transport#AUTO} is epoll when its native library loads,
     * else NIO; {@link Transport#EPOLL} and {@link Transport#IO_URING} are never replaced by
     * another transport.
     *
     * @throws TetherException {@link ErrorCode#CONFIGURATION_ERROR} when the transport asked for
     *                         is not available here, with the reason
     */
    public static NettyTransport select(Transport wanted) {
        return switch (wanted) {
            case AUTO -> Epoll.isAvailable() ? epoll() : nio();
            case NIO -> nio();
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw unavailable("epoll", Epoll.unavailabilityCause());
                }
                yield epoll();
            }
            case IO_URING -> {
                if (!IoUring.isAvailable()) {
                    throw unavailable("io_uring", IoUring.unavailabilityCause());
                }
                yield new NettyTransport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class);
            }
        };
    }

    private static NettyTransport epoll() {
        return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
    }

    private static NettyTransport nio() {
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }

    private static TetherException unavailable(String name, Throwable cause) {
        String why = cause == null ? "unknown reason" : String.valueOf(cause.getMessage());
        for (Throwable c = cause == null ? null : cause.getCause(); c != null; c = c.getCause()) {
            why += "; " + c;
        }
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, "the " + name
                + " transport was asked for but is not available on this system: " + why, cause);
    }

    /** The server channel implementation for a unix-domain socket listener of this transport. */
    public Class<? extends ServerChannel> domainServerChannelClass() {
        return switch (name) {
            case "epoll" -> EpollServerDomainSocketChannel.class;
            case "io_uring" -> IoUringServerDomainSocketChannel.class;
            default -> NioServerDomainSocketChannel.class;
        };
    }

    /** The address a unix-domain socket listener of this transport binds for {@code path}. */
    public SocketAddress domainAddress(Path path) {
        return "nio".equals(name) ? UnixDomainSocketAddress.of(path) : new DomainSocketAddress(path.toFile());
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
