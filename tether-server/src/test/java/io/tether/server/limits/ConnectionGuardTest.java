package io.tether.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionGuardTest {
    private final Refusals refusals = new Refusals();
    private final ConnectionGuard guard = new ConnectionGuard("test",
            ConnectionLimits.builder().maxConnections(5).maxConnectionsPerAddress(2).build(), refusals);

    /** An embedded channel whose peer is {@code ip}. */
    private static EmbeddedChannel from(String ip) {
        return new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress(ip, 40000);
            }
        };
    }

    @Test
    void countsPerAddressAndPerListenerAndForgetsAnAddressWhenItsLastConnectionCloses() {
        List<EmbeddedChannel> open = new ArrayList<>();
        for (String ip : List.of("192.0.2.1", "192.0.2.1", "192.0.2.2", "192.0.2.2")) {
            EmbeddedChannel ch = from(ip);
            assertThat(guard.admit(ch)).isTrue();
            open.add(ch);
        }
        EmbeddedChannel thirdFromOne = from("192.0.2.1");
        assertThat(guard.admit(thirdFromOne)).isFalse();
        assertThat(thirdFromOne.isOpen()).isFalse();
        EmbeddedChannel fifth = from("192.0.2.3");
        assertThat(guard.admit(fifth)).isTrue();
        open.add(fifth);
        EmbeddedChannel sixth = from("192.0.2.9");
        assertThat(guard.admit(sixth)).isFalse();
        assertThat(refusals.get(Refusal.CONNECTIONS_PER_ADDRESS)).isEqualTo(1);
        assertThat(refusals.get(Refusal.CONNECTIONS_PER_LISTENER)).isEqualTo(1);
        assertThat(guard.openConnections()).isEqualTo(5);
        assertThat(guard.trackedAddresses()).isEqualTo(3);

        open.get(0).close();
        assertThat(guard.trackedAddresses()).isEqualTo(3);
        assertThat(guard.admit(from("192.0.2.1"))).isTrue();
        open.forEach(EmbeddedChannel::close);
        assertThat(guard.trackedAddresses()).isEqualTo(1); // the one just admitted
        assertThat(guard.openConnections()).isEqualTo(1);
    }
}
