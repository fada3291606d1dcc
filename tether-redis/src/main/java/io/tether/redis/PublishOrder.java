package io.tether.redis;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps asynchronous publishes in the order they were issued, which the room service relies on
 * to have several says of one session in flight ({@code RoomBroker.asyncPublish()}).
 *
 * <p>On one Lettuce connection commands keep their order, and a channel's publishes always take
 * one connection: the only one (standalone, Sentinel), or on Redis Cluster the connection to the
 * primary of the channel's slot. But Lettuce opens that connection lazily (and again after the
 * topology changed), and commands written while it is being opened wait on its future, whose
 * callbacks do not run in the order they were added. So on Redis Cluster a publish whose shard
 * connection is not open yet, and every publish after it while any is waiting, is held here and
 * written, in issue order, once its connection is open (or failed: Lettuce then fails the
 * command). Nothing waits while every connection is open (the usual case). Not covered: a
 * command redirected by Redis ({@code MOVED}/{@code ASK}, during a slot migration or failover)
 * is written again after later ones. Never blocks; writes run outside the lock.
 */
final class PublishOrder {
    private static final Logger LOG = LoggerFactory.getLogger(PublishOrder.class);

    /** The connection a channel's publish will take (null: always open, nothing to wait for). */
    private final Function<String, CompletableFuture<?>> connectionOf;
    private final ReentrantLock lock = new ReentrantLock();
    /** Publishes held in issue order; guarded by {@link #lock}. */
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** Whether publishes are held (a drain is running or waiting); guarded by {@link #lock}. */
    private boolean holding;

    PublishOrder(Function<String, CompletableFuture<?>> connectionOf) {
        this.connectionOf = connectionOf;
    }

    /** One connection for every channel (standalone Redis, Sentinel): nothing is ever held. */
    static PublishOrder singleConnection() {
        return new PublishOrder(channel -> null);
    }

    /** Runs {@code write} (which issues the publish on {@code channel} and must not block) now, or after the held ones. */
    void issue(String channel, Runnable write) {
        CompletableFuture<?> connection = connectionOf.apply(channel);
        if (connection == null) {
            write.run();
            return;
        }
        lock.lock();
        try {
            if (holding || !connection.isDone()) {
                held.add(new Held(connection, write));
                if (holding) {
                    return;
                }
                holding = true;
                LOG.debug("redis: holding publishes until the connection for {} is open", channel);
            } else {
                connection = null;
            }
        } finally {
            lock.unlock();
        }
        if (connection == null) {
            write.run();
        } else {
            drain();
        }
    }

    /** Writes the held publishes in order while their connections are open; one drain at a time. */
    private void drain() {
        while (true) {
            Held next;
            lock.lock();
            try {
                next = held.peek();
                if (next == null) {
                    holding = false;
                    return;
                }
                if (!next.connection().isDone()) {
                    next = new Held(next.connection(), null);
                } else {
                    held.poll();
                }
            } finally {
                lock.unlock();
            }
            if (next.write() == null) {
                next.connection().whenComplete((c, e) -> drain());
                return;
            }
            try {
                next.write().run();
            } catch (RuntimeException e) { // a write completes its own future; nothing should get here
                LOG.warn("redis: issuing a held publish failed", e);
            }
        }
    }

    /** A publish waiting for its connection (or for the ones before it). */
    private record Held(CompletableFuture<?> connection, Runnable write) {
    }
}
