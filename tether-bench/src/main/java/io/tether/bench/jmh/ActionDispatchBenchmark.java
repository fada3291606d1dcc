package io.tether.bench.jmh;

import io.tether.api.Action;
import io.tether.core.TetherCore;
import io.tether.core.action.ActionOutcome;
import io.tether.core.action.ProcessorOptions;
import io.tether.core.session.Session;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Action dispatch through the {@link TetherCore} processor: admission, lookup, input
 * resolution, the virtual-thread hop and the deadline, for a trivial action, waited for
 * synchronously (so this is the round trip a request pays inside the server); and the same
 * for a {@link Action#nonBlocking() non-blocking} action, which runs on the calling thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ActionDispatchBenchmark {
    private TetherCore core;
    private Session connection;

    /** Starts a core with a {@code randomNumber} action. */
    @Setup(Level.Trial)
    public void setup() {
        core = TetherCore.builder()
                .action(Action.named("randomNumber")
                        .handler(ctx -> Map.of("randomNumber", ThreadLocalRandom.current().nextDouble())).build())
                .action(Action.named("randomNumberInline")
                        .handler(ctx -> Map.of("randomNumber", ThreadLocalRandom.current().nextDouble()))
                        .nonBlocking().build())
                .processorOptions(ProcessorOptions.defaults().toBuilder().simultaneousActions(64).build())
                .build();
        connection = Session.open("bench", "127.0.0.1", 1, m -> { });
    }

    /** Stops the core. */
    @TearDown(Level.Trial)
    public void tearDown() {
        core.close();
    }

    /** Runs {@code randomNumber} and waits for its outcome. */
    @Benchmark
    public ActionOutcome dispatchRandomNumber() {
        return core.processor().process(connection, "randomNumber", Map.of()).join();
    }

    /** Runs the non-blocking {@code randomNumberInline} (no thread hop, no timer). */
    @Benchmark
    public ActionOutcome dispatchNonBlocking() {
        return core.processor().process(connection, "randomNumberInline", Map.of()).join();
    }
}
