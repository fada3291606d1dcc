package io.tether.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.socket.SocketFraming;
import io.tether.codec.socket.SocketLineDecoder;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketRequestClassifier;
import io.tether.codec.socket.SocketWireWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Socket protocol hot paths: framing + decoding + classification of a pipelined batch of
 * lines (the server's inbound pipeline stages, in an {@link EmbeddedChannel}), request
 * classification alone, and reply encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class SocketCodecBenchmark {
    /** Lines per inbound buffer (pipelining depth as the server sees it). */
    @Param({"16", "256"})
    public int lines;

    private final SocketRequestClassifier classifier = new SocketRequestClassifier();
    private final SocketWireWriter writer = new SocketWireWriter();
    private byte[] batch;
    private EmbeddedChannel inbound;
    private EmbeddedChannel outbound;
    private SocketMessage reply;

    /** Builds the channels and the batch. */
    @Setup(Level.Trial)
    public void setup() {
        batch = "randomNumber\n".repeat(lines).getBytes(StandardCharsets.US_ASCII);
        inbound = new EmbeddedChannel(SocketFraming.newFrameDecoder("\n", 1024 * 1024),
                new SocketLineDecoder(0, classifier));
        outbound = new EmbeddedChannel(new CoalescingEncoder(writer));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("randomNumber", 0.6046602879796196);
        fields.put("stringRandomNumber", "Your random number is 0.6046602879796196");
        reply = SocketReplies.actionReply(fields, null, "0f8fad5b-d9cb-469f-a165-70867728950e", 42);
    }

    /** Closes the channels. */
    @TearDown(Level.Trial)
    public void tearDown() {
        inbound.finishAndReleaseAll();
        outbound.finishAndReleaseAll();
    }

    /** One read of {@code lines} pipelined {@code randomNumber} lines through framing and decoding. */
    @Benchmark
    public int frameAndDecodeBatch() {
        inbound.writeInbound(Unpooled.wrappedBuffer(batch));
        int n = 0;
        while (inbound.readInbound() != null) {
            n++;
        }
        return n;
    }

    /** Classifies an inline action line. */
    @Benchmark
    public SocketRequest classifyInline() {
        return classifier.classify("randomNumber");
    }

    /** Classifies a JSON request line. */
    @Benchmark
    public SocketRequest classifyJson() {
        return classifier.classify("{\"action\":\"randomNumber\",\"params\":{\"messageId\":\"42\"}}");
    }

    /** Encodes an action reply to its JSON line in a ByteBuf. */
    @Benchmark
    public int encodeReply() {
        outbound.writeOutbound(reply);
        ByteBuf out = outbound.readOutbound();
        int n = out.readableBytes();
        out.release();
        return n;
    }

    /** Encodes {@code lines} action replies written before one flush (the replies to one read). */
    @Benchmark
    public int encodeReplyBatch() {
        for (int i = 0; i < lines; i++) {
            outbound.write(reply);
        }
        outbound.flush();
        ByteBuf out = outbound.readOutbound();
        int n = out.readableBytes();
        out.release();
        return n;
    }
}
