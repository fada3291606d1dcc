package io.tether.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessageDecoder;
import io.tether.codec.jstp.JstpMessages;
import io.tether.codec.mdsf.MdsfLimits;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import io.tether.codec.testing.TrackingAllocator;

/**
 * Fuzzes the JSTP inbound path as the server wires it: {@link JstpFrameDecoder} (NUL framing,
 * the small pre-handshake cap lifted by {@link JstpFrameDecoder#handshakeDone()} before a
 * fuzzer-chosen read, or never) and {@link JstpMessageDecoder} (UTF-8, mdsf under
 * fuzzer-chosen {@link MdsfLimits}, header validation) into {@link JstpMessage}s, fed through
 * an {@link EmbeddedChannel} in reads of fuzzer-chosen sizes.
 *
 * <p>Invariants per input: the only exceptions are the documented ones, a
 * {@link TooLongFrameException} from framing, or a {@link DecoderException} whose cause is a
 * {@link TetherException} with {@link ErrorCode#PROTOCOL_ERROR} (an mdsf syntax or limit
 * error, an empty frame, an invalid header), after which the reads stop as the server closes the
 * connection; every decoded message but {@code Unknown} can be
 * written back by {@link JstpMessages#toMdsf} and reads back as the same kind and id; every
 * buffer is released once the channel closed; and the input repeated to 1 MiB is processed in
 * time linear in its size ({@link LinearTime}).
 */
class JstpInboundFuzzTest {
    private static final MdsfWriter WRITER = MdsfWriter.withMaxDepth(4096);

    /** One pipeline configuration chosen by the fuzzer. */
    private record Config(int maxHandshakeBytes, int maxMessageBytes, int handshakeDoneBeforeRead,
            JstpMessages messages) {
        /**
         * Header: handshake cap (u16, 0 = 16 KiB), message cap above it (u16, 0 = 8 MiB), read before
         * which the handshake is done (u8, 0 = never, n = before read n - 1), then mdsf limits as
         * three u16 (depth, elements, number length; 0 = default).
         */
        static Config consume(FuzzInput in) {
            int handshake = in.u16();
            handshake = handshake == 0 ? 16 * 1024 : handshake;
            int message = in.u16();
            message = message == 0 ? JstpFrameDecoder.DEFAULT_MAX_FRAME_BYTES : handshake + message;
            int doneAt = in.u8() - 1;
            MdsfLimits limits = MdsfFuzzTest.limits(in);
            return new Config(handshake, message, doneAt, JstpMessages.of(MdsfReader.of(limits), WRITER));
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
            LinearTime.check("jstp inbound " + config + " reads " + java.util.Arrays.toString(stream.readSizes())
                    + " unit " + LinearTime.preview(stream.bytes()), big.bytes().length, big.reads(), () -> run(config, big));
        }
    }

    private static void run(Config config, ChunkedStream stream) {
        TrackingAllocator alloc = new TrackingAllocator();
        JstpFrameDecoder frames = new JstpFrameDecoder(config.maxHandshakeBytes(), config.maxMessageBytes());
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        ExceptionTail tail = new ExceptionTail();
        ch.pipeline().addLast(frames, new JstpMessageDecoder(config.messages()), tail);
        stream.feed(ch, tail, alloc, read -> {
            if (read == config.handshakeDoneBeforeRead()) {
                frames.handshakeDone();
            }
        }, JstpInboundFuzzTest::documented, o -> checkOutput(config, o));
        ChunkedStream.closeAndCheckReleased(ch, tail, alloc, JstpInboundFuzzTest::documented,
                o -> checkOutput(config, o), "jstp inbound");
    }

    private static void documented(Throwable e) {
        if (e instanceof TooLongFrameException) {
            return;
        }
        if (e instanceof DecoderException && e.getCause() instanceof TetherException t
                && t.code() == ErrorCode.PROTOCOL_ERROR) {
            return;
        }
        throw new InvariantViolation("undocumented exception from the JSTP inbound pipeline: " + e, e);
    }

    private static void checkOutput(Config config, Object o) {
        if (!(o instanceof JstpMessage message)) {
            throw new InvariantViolation("JSTP pipeline emitted a " + (o == null ? null : o.getClass().getName())
                    + ", not a JstpMessage");
        }
        if (message instanceof JstpMessage.Unknown u) {
            if (u.kind() == null) {
                throw new InvariantViolation("Unknown without kind");
            }
            return;
        }
        String text;
        JstpMessage again;
        try {
            text = config.messages().toMdsf(message);
        } catch (Throwable e) {
            throw new InvariantViolation("a decoded message cannot be written back: " + message, e);
        }
        try {
            again = JstpMessages.of(MdsfReader.of(MdsfLimits.builder().maxDepth(4096)
                    .maxElements(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build()), WRITER).parse(text);
        } catch (Throwable e) {
            throw new InvariantViolation("the written form of a decoded message does not decode: " + message
                    + " -> " + text, e);
        }
        if (again.getClass() != message.getClass() || id(again) != id(message)) {
            throw new InvariantViolation("round trip changed the message: " + message + " -> " + text + " -> " + again);
        }
    }

    private static long id(JstpMessage m) {
        return switch (m) {
            case JstpMessage.HandshakeRequest h -> h.id();
            case JstpMessage.HandshakeReply h -> 0;
            case JstpMessage.Call c -> c.id();
            case JstpMessage.Callback c -> c.id();
            case JstpMessage.Event e -> e.id();
            case JstpMessage.Inspect i -> i.id();
            case JstpMessage.Ping p -> p.id();
            case JstpMessage.Pong p -> p.id();
            case JstpMessage.Heartbeat h -> 0;
            case JstpMessage.Unknown u -> 0;
        };
    }
}
