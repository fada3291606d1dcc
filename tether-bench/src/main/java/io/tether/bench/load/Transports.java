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

/** Client transport choice: epoll when its native library loads, else NIO. */
record Transports(String name, IoHandlerFactory ioFactory, Class<? extends SocketChannel> channelType) {

    static Transports best() {
        if ("io_uring".equals(System.getProperty("tether.transport")) && io.netty.channel.uring.IoUring.isAvailable()) {
            return new Transports("io_uring", io.netty.channel.uring.IoUringIoHandler.newFactory(),
                    io.netty.channel.uring.IoUringSocketChannel.class);
        }
        if (Epoll.isAvailable()) {
            return new Transports("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class);
        }
        return new Transports("nio", NioIoHandler.newFactory(), NioSocketChannel.class);
    }

    EventLoopGroup group(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioFactory);
    }
}
