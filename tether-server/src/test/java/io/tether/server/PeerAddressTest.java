package io.tether.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerAddressTest {
    @Test
    void resolvedIpv4() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByAddress("peer", new byte[] {10, 0, 0, 7}), 4711);
        assertThat(PeerAddress.ip(a)).isEqualTo("10.0.0.7");
        assertThat(PeerAddress.port(a)).isEqualTo(4711);
        assertThat(PeerAddress.inet(a)).isEqualTo(a.getAddress());
    }

    @Test
    void resolvedIpv6() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("::1"), 80);
        assertThat(PeerAddress.ip(a)).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(PeerAddress.port(a)).isEqualTo(80);
    }

    @Test
    void unresolvedGivesTheHostStringAndItsPort() {
        InetSocketAddress a = InetSocketAddress.createUnresolved("client.example", 5000);
        assertThat(PeerAddress.ip(a)).isEqualTo("client.example");
        assertThat(PeerAddress.port(a)).isEqualTo(5000);
        assertThat(PeerAddress.inet(a)).isNull();
    }

    @Test
    void unixDomainSocketsGiveUnixAndThePathWhenThereIsOne() {
        assertThat(PeerAddress.ip(new io.netty.channel.unix.DomainSocketAddress(""))).isEqualTo("unix");
        assertThat(PeerAddress.ip(new io.netty.channel.unix.DomainSocketAddress("/run/t.sock"))).isEqualTo("unix:/run/t.sock");
        assertThat(PeerAddress.ip(java.net.UnixDomainSocketAddress.of(""))).isEqualTo("unix");
        assertThat(PeerAddress.ip(java.net.UnixDomainSocketAddress.of("/run/t.sock"))).isEqualTo("unix:/run/t.sock");
        assertThat(PeerAddress.port(java.net.UnixDomainSocketAddress.of("/run/t.sock"))).isZero();
        assertThat(PeerAddress.inet(new io.netty.channel.unix.DomainSocketAddress(""))).isNull();
    }

    @Test
    void localAddressGivesItsTextAndNoPort() {
        LocalAddress a = new LocalAddress("peer-1");
        assertThat(PeerAddress.ip(a)).isEqualTo(a.toString());
        assertThat(PeerAddress.port(a)).isZero();
        assertThat(PeerAddress.inet(a)).isNull();
    }

    @Test
    void embeddedChannelAddressDoesNotThrow() {
        EmbeddedChannel ch = new EmbeddedChannel();
        try {
            assertThat(PeerAddress.ip(ch.remoteAddress())).isEqualTo(String.valueOf(ch.remoteAddress()));
            assertThat(PeerAddress.port(ch.remoteAddress())).isZero();
            assertThat(PeerAddress.inet(ch.remoteAddress())).isNull();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void nullAddress() {
        assertThat(PeerAddress.ip(null)).isEqualTo("null");
        assertThat(PeerAddress.port(null)).isZero();
        assertThat(PeerAddress.inet(null)).isNull();
    }
}
