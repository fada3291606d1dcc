package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JSON request line of tiny values ({@code [{},{},…]}, 1 MiB, about 350,000 maps if built)
 * is refused by the token budget like a line over max-data-length; the connection and a
 * bystander on the same I/O thread keep working.
 */
class SocketJsonBudgetIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aMegabyteJsonElementBombIsAnsweredAsTooLongAndNothingElseChanges() {
        TetherCore core = TetherCore.builder().action(TestActions.all()).build();
        SocketOptions o = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        try (TetherServer server = TetherServer.builder(core).protocol(new SocketProtocolServer(core, o))
                .ioThreads(1).build().start();
             LineClient bystander = LineClient.connect("127.0.0.1", server.port(o.name()));
             LineClient attacker = LineClient.connect("127.0.0.1", server.port(o.name()))) {
            bystander.readLine(WAIT);
            attacker.readLine(WAIT);
            StringBuilder bomb = new StringBuilder("{\"action\":\"randomNumber\",\"params\":{\"a\":[");
            while (bomb.length() < 1_000_000) {
                bomb.append("{},");
            }
            attacker.send(bomb.append("{}]}}").toString());
            bystander.send("paramAdd key=still");
            assertThat(bystander.readMap(WAIT)).containsEntry("status", "OK");
            assertThat(attacker.readMap(WAIT)).containsEntry("error", "DATA_LENGTH_TOO_LONG");
            assertThat(core.refusals().get(Refusal.MESSAGE_TOO_LARGE)).isEqualTo(1);
            attacker.send("paramAdd key=fine");
            assertThat(attacker.readMap(WAIT)).containsEntry("status", "OK");
            attacker.send("{\"action\":\"randomNumber\"}");
            assertThat(attacker.readMap(WAIT)).doesNotContainKey("error");
        }
    }
}
