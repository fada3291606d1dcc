package io.tether.bench.jmh;

import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessages;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JSTP message parse (text to typed record) and serialize (record to canonical text). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class JstpMessageBenchmark {
    private final JstpMessages codec = JstpMessages.defaults();
    private final JstpMessage.Callback callback = new JstpMessage.Callback(17, List.of("hello"), null);

    /** {@code {call:[17,'bench'],echo:['hello']}} to a {@link JstpMessage.Call}. */
    @Benchmark
    public JstpMessage parseCall() {
        return codec.parse(MdsfBenchmark.CALL);
    }

    /** {@code {handshake:[0,'bench']}} to a {@link JstpMessage.HandshakeRequest}. */
    @Benchmark
    public JstpMessage parseHandshake() {
        return codec.parse("{handshake:[0,'bench']}");
    }

    /** A callback record to {@code {callback:[17],ok:['hello']}}. */
    @Benchmark
    public String serializeCallback() {
        return codec.toMdsf(callback);
    }
}
