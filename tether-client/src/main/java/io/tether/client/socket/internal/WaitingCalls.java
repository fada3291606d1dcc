package io.tether.client.socket.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ClientTimeoutException;
import io.tether.client.internal.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls made while disconnected under {@code WAIT_FOR_RECONNECT}: each keeps its own deadline
 * and is sent, in order, once the connection is restored. Event loop only.
 */
final class WaitingCalls {
    private record Waiting(CompletableFuture<?> future, Runnable send, ScheduledFuture<?> deadline) {
    }

    private final EventLoop loop;
    private final Dispatcher dispatcher;
    private final List<Waiting> calls = new ArrayList<>();

    WaitingCalls(EventLoop loop, Dispatcher dispatcher) {
        this.loop = loop;
        this.dispatcher = dispatcher;
    }

    void add(Duration timeout, CompletableFuture<?> future, Runnable send) {
        Waiting[] self = new Waiting[1];
        ScheduledFuture<?> deadline = loop.schedule(() -> {
            if (calls.remove(self[0])) {
                dispatcher.fail(future, new ClientTimeoutException("not reconnected in time"));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        self[0] = new Waiting(future, send, deadline);
        calls.add(self[0]);
    }

    void flush() {
        List<Waiting> now = new ArrayList<>(calls);
        calls.clear();
        for (Waiting w : now) {
            w.deadline().cancel(false);
            w.send().run();
        }
    }

    void failAll(Throwable error) {
        List<Waiting> now = new ArrayList<>(calls);
        calls.clear();
        for (Waiting w : now) {
            w.deadline().cancel(false);
            dispatcher.fail(w.future(), error);
        }
    }
}
