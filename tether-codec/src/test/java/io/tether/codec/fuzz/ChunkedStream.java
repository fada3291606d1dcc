package io.tether.codec.fuzz;

import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.codec.testing.TrackingAllocator;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A byte stream and the sizes of the reads it arrives in (cycled), both chosen by the fuzzer:
 * a read of 1 byte, a few bytes, or several KiB at once, as TCP may deliver them.
 */
record ChunkedStream(byte[] bytes, int[] readSizes) {

    /** Reads the read sizes, then the rest of the input as the stream. */
    static ChunkedStream consume(FuzzInput in) {
        int[] sizes = in.readSizes();
        return new ChunkedStream(in.rest(), sizes);
    }

    /** The same read sizes over the stream repeated to about 1 MiB. */
    ChunkedStream scaled() {
        return new ChunkedStream(LinearTime.repeat(bytes), readSizes);
    }

    /** How many reads the stream arrives in. */
    int reads() {
        int reads = 0;
        for (int at = 0, i = 0; at < bytes.length; i++) {
            at += readSizes[i % readSizes.length];
            reads++;
        }
        return reads;
    }

    /**
     * Writes the stream into the channel read by read, each read a fresh buffer from
     * {@code alloc}; {@code beforeRead} sees the read's index first. The channel's last handler
     * is {@code tail}: the exceptions the pipeline raised during a read go to
     * {@code onException} (which fails on an undocumented one) and end the feeding, as the
     * server closes the connection on every decoder exception.
     */
    void feed(EmbeddedChannel ch, ExceptionTail tail, TrackingAllocator alloc, IntConsumer beforeRead,
            Consumer<Throwable> onException, Consumer<Object> onOutput) {
        for (int at = 0, i = 0; at < bytes.length; i++) {
            int size = Math.min(readSizes[i % readSizes.length], bytes.length - at);
            beforeRead.accept(i);
            ch.writeInbound(alloc.copyOf(bytes, at, size));
            for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
                onOutput.accept(o);
            }
            if (tail.drain(onException)) {
                return;
            }
            at += size;
        }
    }

    /**
     * Closes the channel as the server does ({@code finish}), hands what the decoders emit on
     * close to {@code onOutput} and the exceptions to {@code onException}, releases everything
     * left in the channel's queues and checks that every buffer {@code alloc} handed out has
     * refCnt 0: no input, cumulation or frame retained.
     */
    static void closeAndCheckReleased(EmbeddedChannel ch, ExceptionTail tail, TrackingAllocator alloc,
            Consumer<Throwable> onException, Consumer<Object> onOutput, String what) {
        ch.finish();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            onOutput.accept(o);
        }
        tail.drain(onException);
        ch.finishAndReleaseAll();
        alloc.assertAllReleased(what);
    }
}
