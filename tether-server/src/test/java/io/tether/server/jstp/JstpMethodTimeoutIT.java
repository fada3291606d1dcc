package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpMethod;
import io.tether.core.TetherCore;
import io.tether.core.action.ProcessorOptions;
import io.tether.server.TetherServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One deadline for methods and actions: a method without its own timeout gets the server
 * default ({@code actions.timeout}); a late one is answered [24, message] and frees its slot;
 * a blocking method is interrupted, an asynchronous one's stage cancelled.
 */
class JstpMethodTimeoutIT {
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CompletableFuture<List<Object>> never = new CompletableFuture<>();

    private JstpApplication app() {
        return JstpApplication.builder("timeouts", "1.0.0").iface(JstpInterface.builder("slow")
                .method("sleep", 0, ctx -> { // blocking, the server default deadline
                    try {
                        Thread.sleep(10_000); // a method slower than its deadline
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return List.of("woke");
                })
                .method(JstpMethod.async("never", 0, ctx -> never).withTimeout(Duration.ofMillis(200)))
                .nonBlocking("quick", 0, ctx -> List.of("quick"))
                .build()).build();
    }

    @Test
    void lateMethodsAreAnsweredWithTheTimeoutCodeAndStopped() throws Exception {
        TetherCore core = TetherCore.builder().processorOptions(ProcessorOptions.defaults().toBuilder()
                .defaultTimeout(Duration.ofMillis(300)).build()).build();
        JstpOptions options = JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                .application(app()).maxInFlightCalls(1).build();
        try (TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options))
                .build().start();
             JstpTestClient c = new JstpTestClient(server.port("jstp"))) {
            c.handshake("timeouts");
            assertThat(c.request("{call:[1,'slow'],sleep:[]}"))
                    .isEqualTo("{callback:[1],error:[24,'the method timed out after 300 ms']}");
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the blocking run was interrupted").isTrue();
            assertThat(c.request("{call:[2,'slow'],never:[]}"))
                    .isEqualTo("{callback:[2],error:[24,'the method timed out after 200 ms']}");
            assertThat(never).isCancelled();
            // the only in-flight slot was released: the next call is read and answered
            assertThat(c.request("{call:[3,'slow'],quick:[]}")).isEqualTo("{callback:[3],ok:['quick']}");
        } finally {
            core.close();
        }
    }
}
