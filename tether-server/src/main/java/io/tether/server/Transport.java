package io.tether.server;

/**
 * The Netty I/O transport a {@link TetherServer} runs its event loops and sockets on, chosen with
 * {@link TetherServer.Builder#transport(Transport)}. Every transport serves every protocol, TLS
 * and unix-domain socket listener the same way; only how the loops wait for and perform socket
 * I/O differs.
 *
 * <ul>
 *   <li>{@link #AUTO} (default): {@link #EPOLL} where its native library loads (Linux x86-64),
 *       else {@link #NIO}.</li>
 *   <li>{@link #EPOLL}: Linux native epoll; the server fails at start if it is not available.</li>
 *   <li>{@link #IO_URING}: Linux io_uring (kernel 5.14 or later, not disabled by
 *       {@code /proc/sys/kernel/io_uring_disabled} or a container's seccomp profile); the server
 *       fails at start, stating why, if it is not available. It submits a loop's socket writes
 *       in batches instead of one system call each, which may save CPU where one message goes to
 *       many connections (room fan-out); measure it on your own load (docs/performance.md). Same
 *       memory per idle connection as epoll.</li>
 *   <li>{@link #NIO}: the JDK's portable selector transport.</li>
 * </ul>
 *
 * A transport asked for explicitly is never silently replaced by another one: {@link
 * TetherServer.Builder#build()} throws a {@link io.tether.api.TetherException}
 * ({@link io.tether.api.ErrorCode#CONFIGURATION_ERROR}) with the reason instead.
 */
public enum Transport {
    /** Epoll where available, else NIO. */
    AUTO,
    /** Linux native epoll; fails at start when unavailable. */
    EPOLL,
    /** Linux io_uring; fails at start when unavailable. */
    IO_URING,
    /** The JDK's NIO selector transport. */
    NIO;

    /**
     * The transport named {@code name} ({@code auto}, {@code epoll}, {@code io_uring} or
     * {@code nio}, case-insensitive; {@code io-uring} and {@code iouring} are accepted too).
     *
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    public static Transport parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "auto" -> AUTO;
            case "epoll" -> EPOLL;
            case "io_uring", "io-uring", "iouring" -> IO_URING;
            case "nio" -> NIO;
            default -> throw new IllegalArgumentException("unknown transport '" + name
                    + "': expected auto, epoll, io_uring or nio");
        };
    }

    /** The lower-case name used in configuration and logs: {@code auto}, {@code epoll}, {@code io_uring}, {@code nio}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
