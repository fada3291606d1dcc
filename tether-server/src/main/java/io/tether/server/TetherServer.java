package io.tether.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tether server: a {@link TetherCore} served over one or more protocol listeners that
 * share Netty event loops. Start it, read the bound ports, close it (graceful).
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder().action(myAction).room("defaultRoom").build();
 * try (TetherServer server = TetherServer.builder(core)
 *         .protocol(new SocketProtocolServer(core, SocketOptions.defaults()))
 *         .build().start()) {
 *     System.out.println("socket protocol on " + server.address("socket"));
 * }
 * }</pre>
 *
 * A protocol can also listen on a unix-domain socket path, beside its TCP port
 * ({@link Builder#unixSocket}): same pipeline, same connections (limits, drain on shutdown);
 * the socket file is removed when the server closes, and a stale one left by a process that
 * died is replaced at start.
 */
public final class TetherServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TetherServer.class);

    private final TetherCore core;
    private final List<ProtocolServer> protocols;
    private final NettyTransport transport;
    private final int ioThreads;
    private final List<AutoCloseable> closeAfter;
    private final Map<String, Path> unixSockets;
    private final Map<String, Channel> listeners = new LinkedHashMap<>();
    private final Map<String, Channel> unixListeners = new LinkedHashMap<>();
    private EventLoopGroup bossGroup;
    private EventLoopGroup ioGroup;
    private boolean closed;

    private TetherServer(Builder b) {
        this.core = b.core;
        this.protocols = List.copyOf(b.protocols);
        this.transport = NettyTransport.select(b.transport);
        this.ioThreads = b.ioThreads;
        this.closeAfter = List.copyOf(b.closeAfter);
        this.unixSockets = Map.copyOf(b.unixSockets);
    }

    /** A builder for a server over the given core. */
    public static Builder builder(TetherCore core) {
        return new Builder(core);
    }

    /** Binds every listener; fails (and releases everything) if one cannot bind. */
    public TetherServer start() {
        bossGroup = transport.newGroup(1, "tether-accept-");
        int threads = ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
        ioGroup = transport.newGroup(threads, "tether-io-");
        try {
            for (ProtocolServer p : protocols) {
                listeners.put(p.name(), bind(p));
                LOG.info("{} listening on {} ({})", p.name(), address(p.name()), transport.name());
                Path unix = unixSockets.get(p.name());
                if (unix != null) {
                    unixListeners.put(p.name(), bindUnix(p, unix));
                    LOG.info("{} listening on unix:{} ({})", p.name(), unix, transport.name());
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private Channel bind(ProtocolServer p) {
        ServerBootstrap b = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, p.keepAlive())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(p.initializer());
        try {
            return b.bind(p.bindAddress()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "interrupted while binding " + p.name());
        } catch (Exception e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot listen for " + p.name() + " on "
                    + p.bindAddress() + ": " + e.getMessage(), e);
        }
    }

    private Channel bindUnix(ProtocolServer p, Path path) {
        replaceStaleSocket(p, path);
        ServerBootstrap b = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(transport.domainServerChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(p.initializer());
        try {
            return b.bind(transport.domainAddress(path)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "interrupted while binding " + p.name());
        } catch (Exception e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot listen for " + p.name()
                    + " on unix-domain socket " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A socket file nobody accepts on (left by a process that died) is removed; one a live
     * process listens on, or any other kind of file, is an error.
     */
    private static void replaceStaleSocket(ProtocolServer p, Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(path)) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot listen for " + p.name()
                    + " on unix-domain socket " + path + ": a file that is not a socket is in the way");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException nobodyListens) {
            try {
                Files.deleteIfExists(path);
                LOG.info("{}: removed the stale unix-domain socket {}", p.name(), path);
                return;
            } catch (IOException e) {
                throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot listen for " + p.name()
                        + " on unix-domain socket " + path + ": cannot remove the stale socket file: " + e, e);
            }
        }
        throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot listen for " + p.name()
                + " on unix-domain socket " + path + ": another process listens on it");
    }

    /** The unix-domain socket path a protocol listens on besides its port, if any. */
    public Optional<Path> unixSocket(String protocol) {
        return unixListeners.containsKey(protocol) ? Optional.of(unixSockets.get(protocol)) : Optional.empty();
    }

    /** The bound address of a listener by protocol name. */
    public InetSocketAddress address(String protocol) {
        Channel ch = listeners.get(protocol);
        if (ch == null) {
            throw new IllegalArgumentException("no listener named " + protocol + "; have " + listeners.keySet());
        }
        return (InetSocketAddress) ch.localAddress();
    }

    /** The bound port of a listener by protocol name. */
    public int port(String protocol) {
        return address(protocol).getPort();
    }

    /**
     * Reads the certificate, key and trust files of every TLS listener again (what SIGHUP does
     * in the {@code tether} command): connections accepted from then on use the new ones,
     * established ones keep theirs. A listener whose files are broken keeps its previous
     * context and logs an error. Blocks on file I/O; never call it on an event loop.
     *
     * @return the number of TLS listeners that failed to reload (0: all reloaded, or none has TLS)
     */
    public int reloadTls() {
        int failed = 0;
        for (ProtocolServer p : protocols) {
            if (p.tls().isPresent() && !p.tls().get().reload()) {
                failed++;
            }
        }
        return failed;
    }

    /** How many listeners speak TLS. */
    public long tlsListeners() {
        return protocols.stream().filter(p -> p.tls().isPresent()).count();
    }

    /** The core this server serves. */
    public TetherCore core() {
        return core;
    }

    /** The Netty transport in use ({@code epoll}, {@code io_uring} or {@code nio}). */
    public String transportName() {
        return transport.name();
    }

    /**
     * Graceful stop: stop accepting, let each protocol drain (goodbye messages, pending
     * actions within its limit), then release event loops and the core.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listeners.values().forEach(ch -> ch.close().awaitUninterruptibly());
        unixListeners.forEach((name, ch) -> {
            ch.close().awaitUninterruptibly();
            deleteSocketFile(unixSockets.get(name));
        });
        List<CompletableFuture<Void>> drains = new ArrayList<>();
        protocols.forEach(p -> drains.add(p.shutdown()));
        try {
            CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("shutdown did not drain cleanly: {}", e.toString());
        }
        core.beginShutdown();
        shutdownGroup(ioGroup);
        shutdownGroup(bossGroup);
        core.close();
        for (AutoCloseable resource : closeAfter) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource, e.toString());
            }
        }
    }

    private static void deleteSocketFile(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("could not remove the unix-domain socket {}: {}", path, e.toString());
        }
    }

    private static void shutdownGroup(EventLoopGroup g) {
        if (g != null) {
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Builder for {@link TetherServer}. */
    public static final class Builder {
        private final TetherCore core;
        private final List<ProtocolServer> protocols = new ArrayList<>();
        private final List<AutoCloseable> closeAfter = new ArrayList<>();
        private final Map<String, Path> unixSockets = new LinkedHashMap<>();
        private Transport transport = Transport.AUTO;
        private int ioThreads;

        private Builder(TetherCore core) {
            this.core = core;
        }

        /** Adds a protocol listener. */
        public Builder protocol(ProtocolServer p) {
            protocols.add(p);
            return this;
        }

        /**
         * Lets the protocol named {@code protocol} (see {@link ProtocolServer#name()}) listen on the
         * unix-domain socket {@code path} as well as on its TCP address. The directory must exist;
         * who may connect is decided by the file's and the directory's permissions. Connections
         * through it report {@code unix} as their remote address (no per-address limits apply).
         */
        public Builder unixSocket(String protocol, Path path) {
            unixSockets.put(java.util.Objects.requireNonNull(protocol, "protocol"),
                    path.toAbsolutePath().normalize());
            return this;
        }

        /**
         * Uses NIO even where epoll is available ({@code true}: {@link Transport#NIO}), or the
         * default ({@code false}: {@link Transport#AUTO}); shorthand for {@link #transport}.
         */
        public Builder preferNio(boolean nio) {
            this.transport = nio ? Transport.NIO : Transport.AUTO;
            return this;
        }

        /**
         * The I/O transport (default {@link Transport#AUTO}: epoll where available, else NIO). A
         * transport asked for explicitly that is not available here ({@link Transport#EPOLL} off
         * Linux, {@link Transport#IO_URING} on an old kernel or where io_uring is disabled) makes
         * {@link #build()} throw a {@link TetherException} ({@link ErrorCode#CONFIGURATION_ERROR})
         * stating why; it never falls back to another transport.
         */
        public Builder transport(Transport t) {
            this.transport = java.util.Objects.requireNonNull(t, "transport");
            return this;
        }

        /**
         * I/O threads; 0 (default) means one per available core: handlers never block an I/O
         * thread, so more threads than cores would only add context switches and tail latency.
         */
        public Builder ioThreads(int n) {
            this.ioThreads = n;
            return this;
        }

        /** Resources closed after the core, in this order (e.g. the cluster's Redis connections). */
        public Builder closeAfter(AutoCloseable... resources) {
            closeAfter.addAll(List.of(resources));
            return this;
        }

        /** Builds the (not yet started) server. */
        public TetherServer build() {
            if (protocols.isEmpty()) {
                throw new IllegalStateException("a server needs at least one protocol listener");
            }
            for (String name : unixSockets.keySet()) {
                if (protocols.stream().noneMatch(p -> p.name().equals(name))) {
                    throw new IllegalStateException("a unix-domain socket for " + name
                            + ", but no protocol listener has that name");
                }
            }
            return new TetherServer(this);
        }
    }
}
