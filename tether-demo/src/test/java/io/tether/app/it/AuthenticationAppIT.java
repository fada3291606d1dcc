package io.tether.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.TetherServer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runnable server's authentication and limits from configuration: with
 * {@code tether.auth.login-actions} a socket client logs in with the jstp-test demo's user and
 * sees the same principal a JSTP handshake login gets; with {@code require-authentication} the
 * demo actions refuse anonymous callers; a session over {@code tether.rate-limit} is refused and
 * counted in {@code tether_refusals_total}.
 */
class AuthenticationAppIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void socketAndJstpLogInAsTheSameUserAndLimitsAreCounted() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.demo", "jstp-test",
                "tether.auth.login-actions", true, "tether.auth.require-authentication", true,
                "tether.rate-limit.session.per-second", 0.001, "tether.rate-limit.session.burst", 5,
                "tether.admin.port", 0));
             LineClient telnet = LineClient.connect("127.0.0.1", server.port("socket"))) {
            telnet.readLine(WAIT);
            telnet.send("randomNumber");
            assertThat(telnet.readMap(WAIT)).containsEntry("error", "authentication required");
            telnet.send("{\"action\":\"login\",\"params\":{\"user\":\"user\",\"password\":\"wrong\"}}");
            assertThat(telnet.readMap(WAIT)).containsEntry("error", "invalid credentials");
            telnet.send("{\"action\":\"login\",\"params\":{\"user\":\"user\",\"password\":\"secret\"}}");
            assertThat(telnet.readMap(WAIT)).containsEntry("user", "user");
            telnet.send("randomNumber");
            assertThat(telnet.readMap(WAIT)).containsKey("randomNumber").doesNotContainKey("error");
            telnet.send("{\"action\":\"whoami\",\"params\":{}}");
            assertThat(telnet.readMap(WAIT)).containsEntry("user", "user");

            try (JstpFrameClient jstp = JstpFrameClient.connect("127.0.0.1", server.port("jstp"))) {
                assertThat(jstp.request("{handshake:[0,'tether'],login:['user','secret']}", WAIT)).contains("ok:");
                assertThat(jstp.request("{call:[1,'api'],whoami:[]}", WAIT))
                        .startsWith("{callback:[1],ok:[{authenticated:true,user:'user',");
            }

            telnet.send("randomNumber"); // the 6th request of this session: over its burst of 5 (refused ones count)
            assertThat(telnet.readMap(WAIT)).containsEntry("error", "rate limit exceeded: too many requests per second");
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port("admin") + "/metrics")).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("tether_refusals_total{reason=\"rate_limited_session\"} 1.0")
                    .contains("tether_refusals_total{reason=\"rate_limited_address\"} 0.0")
                    .contains("tether_refusals_total{reason=\"rate_limited_handshake\"} 0.0");
        }
    }
}
