package io.tether.server.security;

import static io.tether.server.security.SecurityServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.limits.RateLimit;
import io.tether.core.limits.RateLimits;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.RequestLimiter;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Request rate limits over real sockets: a client over its session's rate gets the documented
 * error while another client at the same time does not; the per-address bucket is shared by an
 * address's connections and not by other addresses; JSTP answers {@code [32, text]}; JSTP
 * handshakes have their own per-address limit. Rates are tiny (one token every 1,000 s) so a
 * loaded machine cannot refill a bucket during a test.
 */
class RateLimitIT {
    private static final RateLimit FIVE_THEN_SLOW = RateLimit.of(0.001, 5);

    @Test
    void aClientOverItsSessionRateIsRefusedAndOthersAreNot() {
        UnaryOperator<io.tether.core.TetherCore.Builder> limits = b -> b.rateLimits(
                RateLimits.builder().perSession(FIVE_THEN_SLOW).build());
        try (SecurityServer s = new SecurityServer(limits, UnaryOperator.identity())) {
            LineClient greedy = s.socket("127.0.0.1");
            LineClient polite = s.socket("127.0.0.1");
            List<Object> errors = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                greedy.send("echo");
            }
            for (int i = 0; i < 8; i++) {
                errors.add(greedy.readMap(WAIT).get("error"));
            }
            assertThat(errors.subList(0, 5)).containsOnlyNulls();
            assertThat(errors.subList(5, 8)).containsOnly(RequestLimiter.MESSAGE);
            // the same address, another session: its own bucket
            assertThat(SecurityServer.call(polite, "echo")).doesNotContainKey("error");
            // room verbs are requests too
            assertThat(SecurityServer.call(greedy, "roomAdd defaultRoom")).containsEntry("error", RequestLimiter.MESSAGE);

            JstpFrameClient jstp = s.jstp("127.0.0.1");
            assertThat(jstp.request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            for (int i = 1; i <= 5; i++) {
                assertThat(jstp.request("{call:[" + i + ",'api'],echo:['x']}", WAIT)).contains("ok:");
            }
            assertThat(jstp.request("{call:[6,'api'],echo:['x']}", WAIT))
                    .isEqualTo("{callback:[6],error:[32,'" + RequestLimiter.MESSAGE + "']}");
            assertThat(jstp.request("{call:[7,'chat'],join:['defaultRoom']}", WAIT))
                    .isEqualTo("{callback:[7],error:[32,'" + RequestLimiter.MESSAGE + "']}");
            assertThat(s.core.refusals().get(Refusal.RATE_LIMITED_SESSION)).isEqualTo(6);
        }
    }

    @Test
    void anAddressSharesOneBucketAcrossItsConnections() {
        UnaryOperator<io.tether.core.TetherCore.Builder> limits = b -> b.rateLimits(
                RateLimits.builder().perAddress(FIVE_THEN_SLOW).build());
        try (SecurityServer s = new SecurityServer(limits, UnaryOperator.identity())) {
            LineClient first = s.socket("127.0.0.4");
            LineClient second = s.socket("127.0.0.4");
            LineClient elsewhere = s.socket("127.0.0.5");
            for (int i = 0; i < 3; i++) {
                assertThat(SecurityServer.call(first, "echo")).doesNotContainKey("error");
            }
            for (int i = 0; i < 2; i++) {
                assertThat(SecurityServer.call(second, "echo")).doesNotContainKey("error");
            }
            assertThat(SecurityServer.call(first, "echo")).containsEntry("error", RequestLimiter.MESSAGE);
            assertThat(SecurityServer.call(second, "echo")).containsEntry("error", RequestLimiter.MESSAGE);
            JstpFrameClient jstp = s.jstp("127.0.0.4"); // the JSTP session of that address shares it too
            assertThat(jstp.request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            assertThat(jstp.request("{call:[1,'api'],echo:['x']}", WAIT)).contains("error:[32,");
            Map<String, Object> other = SecurityServer.call(elsewhere, "echo");
            assertThat(other).doesNotContainKey("error");
            assertThat(s.core.refusals().get(Refusal.RATE_LIMITED_ADDRESS)).isEqualTo(3);
        }
    }

    @Test
    void jstpHandshakesAreLimitedPerAddress() {
        try (SecurityServer s = new SecurityServer(UnaryOperator.identity(),
                b -> b.handshakeRate(RateLimit.of(0.001, 2)))) {
            for (int i = 0; i < 2; i++) {
                assertThat(s.jstp("127.0.0.6").request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT))
                        .contains("ok:");
            }
            JstpFrameClient third = s.jstp("127.0.0.6");
            assertThat(third.request("{handshake:[0,'tether']}", WAIT)).isEqualTo("{handshake:[0],error:[32]}");
            assertThat(third.closedWithin(WAIT)).isTrue();
            assertThat(s.jstp("127.0.0.7").request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            assertThat(s.core.refusals().get(Refusal.RATE_LIMITED_HANDSHAKE)).isEqualTo(1);
            // requests are not handshakes: the socket protocol is untouched by this limit
            LineClient telnet = s.socket("127.0.0.6");
            assertThat(SecurityServer.call(telnet, "echo")).doesNotContainKey("error");
        }
    }
}
