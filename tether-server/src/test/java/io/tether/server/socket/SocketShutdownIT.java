package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketShutdownIT {
    private static final String BYE = "{\"status\":\"Bye\",\"context\":\"api\"}";

    private static Thread closeInBackground(SocketServerFixture fx) {
        return Thread.ofVirtual().start(() -> fx.server().close());
    }

    @Test
    void idleConnectionsGetByeAtOnceAndBusyOnesAreDrained() throws InterruptedException {
        try (SocketServerFixture fx = SocketServerFixture.start()) {
            LineClient idle = fx.client();
            LineClient busy = fx.client();
            busy.send("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":700}}");
            Thread.sleep(100); // wall clock: the action is running when the shutdown starts
            long start = System.nanoTime();
            Thread closer = closeInBackground(fx);
            assertThat(idle.readLine(WAIT)).isEqualTo(BYE);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
            assertThat(idle.awaitClosed(WAIT)).isTrue();
            Map<String, Object> reply = busy.readMap(WAIT);
            assertThat(reply).containsEntry("sleepDuration", 700);
            assertThat(busy.readLine(WAIT)).isEqualTo(BYE);
            assertThat(busy.awaitClosed(WAIT)).isTrue();
            closer.join(5000);
            assertThat(closer.isAlive()).isFalse();
        }
    }

    @Test
    void drainGivesUpAfterTheWaitLimit() throws InterruptedException {
        try (SocketServerFixture fx = SocketServerFixture.start(b -> b.pendingShutdownWaitLimit(Duration.ofMillis(300)))) {
            LineClient busy = fx.client();
            busy.send("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":5000}}");
            Thread.sleep(100); // wall clock: the action is running when the shutdown starts
            long start = System.nanoTime();
            Thread closer = closeInBackground(fx);
            assertThat(busy.readLine(WAIT)).isEqualTo(BYE);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 4000L);
            assertThat(busy.awaitClosed(WAIT)).isTrue();
            closer.join(5000);
            assertThat(closer.isAlive()).isFalse();
        }
    }
}
