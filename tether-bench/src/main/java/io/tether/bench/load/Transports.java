package io.tether.bench.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;

/**
 * The generator's client transport: by default epoll when its native library loads, else NIO;
 * {@code epoll}, {@code io_uring} or {@code nio} by name ({@code --transport}), never replaced
 * by another one.
 */
record Transports(String name, IoHandlerFactory ioFactory, Class<? extends SocketChannel> channelType) {

    /** Epoll when its native library loads, else NIO. */
    static Transports best() {
        return Epoll.isAvailable() ? epoll() : nio();
    }

    /**
     * The transport {@code name}: {@code null} or {@code auto} is {@link #best()}.
     *
     * @throws IllegalArgumentException for an unknown name, or epoll or io_uring not available here
     */
    static Transports named(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "auto" -> best();
            case "nio" -> nio();
            case "epoll" -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalArgumentException("--transport epoll: not available here: "
                            + Epoll.unavailabilityCause());
                }
                yield epoll();
            }
            case "io_uring", "io-uring", "iouring" -> {
                if (!IoUring.isAvailable()) {
                    throw new IllegalArgumentException("--transport io_uring: not available here: "
                            + IoUring.unavailabilityCause());
                }
                yield new Transports("io_uring", IoUringIoHandler.newFactory(), IoUringSocketChannel.class);
            }
            default -> throw new IllegalArgumentException("unknown --transport '" + name
                    + "': expected auto, epoll, io_uring or nio");
        };
    }

    private static Transports epoll() {
        return new Transports("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class);
    }

    private static Transports nio() {
        return new Transports("nio", NioIoHandler.newFactory(), NioSocketChannel.class);
    }

    EventLoopGroup group(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioFactory);
    }
}
