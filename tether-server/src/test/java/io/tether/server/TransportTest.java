package io.tether.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void namesParseCaseInsensitivelyAndRoundTrip() {
        assertThat(Transport.parse("auto")).isEqualTo(Transport.AUTO);
        assertThat(Transport.parse("EPOLL")).isEqualTo(Transport.EPOLL);
        assertThat(Transport.parse(" io_uring ")).isEqualTo(Transport.IO_URING);
        assertThat(Transport.parse("io-uring")).isEqualTo(Transport.IO_URING);
        assertThat(Transport.parse("Nio")).isEqualTo(Transport.NIO);
        for (Transport t : Transport.values()) {
            assertThat(Transport.parse(t.configName())).isEqualTo(t);
        }
        assertThat(Transport.IO_URING.configName()).isEqualTo("io_uring");
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> Transport.parse("kqueue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown transport 'kqueue': expected auto, epoll, io_uring or nio");
        assertThatThrownBy(() -> Transport.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoIsEpollWhereItLoadsAndPreferNioIsNio() {
        assertThat(NettyTransport.select(Transport.AUTO).name()).isEqualTo(Epoll.isAvailable() ? "epoll" : "nio");
        assertThat(NettyTransport.select(false).name()).isEqualTo(NettyTransport.select(Transport.AUTO).name());
        assertThat(NettyTransport.select(true).name()).isEqualTo("nio");
        assertThat(NettyTransport.select(Transport.NIO).domainServerChannelClass().getSimpleName())
                .isEqualTo("NioServerDomainSocketChannel");
    }
}
