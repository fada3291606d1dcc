package io.tether.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.tether.codec.socket.BreakCharacterDetector;
import io.tether.codec.socket.SocketBreak;
import io.tether.codec.socket.SocketFraming;
import io.tether.codec.socket.SocketLineDecoder;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketRequestClassifier;
import io.tether.codec.testing.TrackingAllocator;
import java.util.Map;

/**
 * Fuzzes the socket protocol's inbound path as the server wires it: {@link BreakCharacterDetector},
 * the line framing of {@link SocketFraming} (the single-pass {@code TerminatedFrameDecoder} for
 * CR/LF delimiters, Netty's {@code DelimiterBasedFrameDecoder} for others),
 * {@link SocketLineDecoder} and {@link SocketRequestClassifier} with its JSON requests, fed
 * through an {@link EmbeddedChannel} in reads of fuzzer-chosen sizes, with fuzzer-chosen caps.
 *
 * <p>Invariants per input: the only exception the pipeline raises is the documented
 * {@link TooLongFrameException} of the framing (a line over the cap), after which the reads stop
 * as the server closes the connection; every output is a
 * {@link SocketRequest} consistent with the caps; every buffer is released once the channel
 * closed; and the input repeated to 1 MiB is processed in time linear in its size
 * ({@link LinearTime}).
 */
class SocketInboundFuzzTest {
    private static final String[] DELIMITERS = {"\n", "\r\n", "\r", "||", "\0"};
    private static final int[] JSON_TOKENS = {1, 3, 16, 1000, SocketRequestClassifier.DEFAULT_MAX_JSON_TOKENS};
    private static final SocketRequestClassifier[] CLASSIFIERS = new SocketRequestClassifier[JSON_TOKENS.length];

    static {
        for (int i = 0; i < JSON_TOKENS.length; i++) {
            CLASSIFIERS[i] = new SocketRequestClassifier(JSON_TOKENS[i]);
        }
    }

    /** One pipeline configuration chosen by the fuzzer. */
    private record Config(String delimiter, int maxLineBytes, int maxDataLength, SocketRequestClassifier classifier) {
        /** Header: delimiter (u8), line cap (u16, 0 = 1 MiB), maxDataLength (u16, 0 = none), JSON token budget (u8). */
        static Config consume(FuzzInput in) {
            String delimiter = DELIMITERS[in.u8() % DELIMITERS.length];
            int maxLine = in.u16();
            int maxData = in.u16();
            SocketRequestClassifier classifier = CLASSIFIERS[(CLASSIFIERS.length - 1 + in.u8()) % CLASSIFIERS.length];
            return new Config(delimiter, maxLine == 0 ? 1024 * 1024 : maxLine, maxData, classifier);
        }

        EmbeddedChannel channel(TrackingAllocator alloc, ExceptionTail tail) {
            EmbeddedChannel ch = new EmbeddedChannel();
            ch.config().setAllocator(alloc);
            ch.pipeline().addLast(new BreakCharacterDetector(),
                    SocketFraming.newFrameDecoder(delimiter, maxLineBytes),
                    new SocketLineDecoder(maxDataLength, classifier),
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                            if (evt != SocketBreak.INSTANCE) {
                                throw new InvariantViolation("unexpected user event " + evt);
                            }
                        }
                    }, tail);
            return ch;
        }
    }

    @FuzzTest
    void inbound(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        Config config = Config.consume(in);
        ChunkedStream stream = ChunkedStream.consume(in);
        run(config, stream);
        if (LinearTime.due(data)) {
            ChunkedStream big = stream.scaled();
            LinearTime.check("socket inbound " + config + " reads " + java.util.Arrays.toString(stream.readSizes())
                    + " unit " + LinearTime.preview(stream.bytes()), big.bytes().length, big.reads(), () -> run(config, big));
        }
    }

    private static void run(Config config, ChunkedStream stream) {
        TrackingAllocator alloc = new TrackingAllocator();
        ExceptionTail tail = new ExceptionTail();
        EmbeddedChannel ch = config.channel(alloc, tail);
        stream.feed(ch, tail, alloc, read -> { }, SocketInboundFuzzTest::documented, o -> checkOutput(config, o));
        ChunkedStream.closeAndCheckReleased(ch, tail, alloc, SocketInboundFuzzTest::documented,
                o -> checkOutput(config, o), "socket inbound");
    }

    /** The framing documents TooLongFrameException for a line over the cap; nothing else may escape. */
    private static void documented(Throwable e) {
        if (e instanceof TooLongFrameException) {
            return;
        }
        throw new InvariantViolation("undocumented exception from the socket inbound pipeline: " + e, e);
    }

    private static void checkOutput(Config config, Object o) {
        if (!(o instanceof SocketRequest request)) {
            throw new InvariantViolation("socket pipeline emitted a " + (o == null ? null : o.getClass().getName())
                    + ", not a SocketRequest");
        }
        switch (request) {
            case SocketRequest.TooLong t -> {
                if (t.lengthBytes() <= 0) {
                    throw new InvariantViolation("TooLong with length " + t.lengthBytes());
                }
            }
            case SocketRequest.Verb v -> {
                if (v.verb() == null || v.args() == null) {
                    throw new InvariantViolation("Verb with nulls: " + v);
                }
            }
            case SocketRequest.JsonRequest j -> {
                Map<String, Object> params = j.params();
                if (params == null || (!j.hasParams() && !params.isEmpty())) {
                    throw new InvariantViolation("JsonRequest params inconsistent: " + j);
                }
            }
            case SocketRequest.InlineAction a -> {
                if (a.name() == null || a.name().indexOf(' ') >= 0) {
                    throw new InvariantViolation("InlineAction name must be the first word: " + a);
                }
            }
            case SocketRequest.FileRequest f -> { }
        }
    }
}
