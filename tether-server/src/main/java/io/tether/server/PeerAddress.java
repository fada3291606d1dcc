package io.tether.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The IP string, port and {@link InetAddress} of a channel's remote address, for every kind of
 * {@link SocketAddress} a channel may report, without throwing: a resolved
 * {@link InetSocketAddress} gives its numeric address, an unresolved one its host string, and
 * any other type (a Netty {@code LocalAddress}, an {@code EmbeddedChannel}'s address, a Unix
 * domain socket path) or {@code null} its {@code toString()}. Public only because the protocol
 * handlers live in sub-packages; it is not part of the server's API.
 */
public final class PeerAddress {
    private PeerAddress() {
    }

    /** The numeric IP of a resolved address, the host string of an unresolved one, else {@code String.valueOf(address)}. */
    public static String ip(SocketAddress address) {
        if (address instanceof InetSocketAddress isa) {
            InetAddress inet = isa.getAddress();
            return inet != null ? inet.getHostAddress() : isa.getHostString();
        }
        return String.valueOf(address);
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
