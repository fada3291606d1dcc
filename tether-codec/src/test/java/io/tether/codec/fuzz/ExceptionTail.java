package io.tether.codec.fuzz;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last handler of a fuzzed pipeline: keeps the exceptions the decoders raise (as the
 * server's handler receives them in {@code exceptionCaught}) instead of letting
 * {@link io.netty.channel.embedded.EmbeddedChannel} rethrow the first and log every further
 * one with its stack trace (a read of many bad frames would log thousands). The harness
 * checks them on its own thread, where a failure reaches Jazzer.
 */
final class ExceptionTail extends ChannelInboundHandlerAdapter {
    private static final int KEPT = 16;

    private final List<Throwable> raised = new ArrayList<>();
    private int count;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (raised.size() < KEPT) {
            raised.add(cause);
        }
        count++;
    }

    /** Hands each exception kept since the last call to {@code check}; true when there was any. */
    boolean drain(Consumer<Throwable> check) {
        boolean any = count > 0;
        List<Throwable> copy = List.copyOf(raised);
        raised.clear();
        count = 0;
        copy.forEach(check);
        return any;
    }
}
