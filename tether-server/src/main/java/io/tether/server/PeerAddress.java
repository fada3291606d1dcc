package io.tether.server;

import io.netty.channel.unix.DomainSocketAddress;
import io.tether.api.ConnectionInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * The IP string, port and {@link InetAddress} of a channel's remote address, for every kind of
 * {@link SocketAddress} a channel may report, without throwing: a resolved
 * {@link InetSocketAddress} gives its numeric address, an unresolved one its host string, and
 * unix-domain socket address {@code unix:} and its path, or just {@code unix} for an unnamed peer
 * (a client's end has no path as a rule), and any other type (a Netty {@code LocalAddress}, an
 * {@code EmbeddedChannel}'s address) or {@code null} its {@code toString()}. Public only because the protocol
 * handlers live in sub-packages; it is not part of the server's API.
 */
public final class PeerAddress {
    private PeerAddress() {
    }

    /**
     * The numeric IP of a resolved address, the host string of an unresolved one, {@code unix} or
     * {@code unix:PATH} for a unix-domain socket, else {@code String.valueOf(address)}.
     */
    public static String ip(SocketAddress address) {
        if (address instanceof InetSocketAddress isa) {
            InetAddress inet = isa.getAddress();
            return inet != null ? inet.getHostAddress() : isa.getHostString();
        }
        if (address instanceof DomainSocketAddress domain) {
            return unix(domain.path());
        }
        if (address instanceof UnixDomainSocketAddress domain) {
            return unix(domain.getPath().toString());
        }
        return String.valueOf(address);
    }

    private static String unix(String path) {
        return path == null || path.isEmpty() ? "unix" : "unix:" + path;
    }

    /** A connection as the connection policy sees it: {@code id}, {@code type}, the peer's ip and port, now. */
    public static ConnectionInfo connection(String id, String type, SocketAddress address) {
        return new ConnectionInfo(id, type, ip(address), port(address), System.currentTimeMillis());
    }

    /** The port of an {@link InetSocketAddress} (resolved or not), else 0. */
    public static int port(SocketAddress address) {
        return address instanceof InetSocketAddress isa ? isa.getPort() : 0;
    }

    /** The resolved {@link InetAddress}, or {@code null} for an unresolved or non-IP address. */
    public static InetAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }
}
