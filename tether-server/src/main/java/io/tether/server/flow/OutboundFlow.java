package io.tether.server.flow;

import io.netty.channel.Channel;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.core.limits.Refusal;
import io.tether.server.limits.RefusalLog;
import java.util.ArrayDeque;

/**
 * The outbound policy of one connection, the same for both protocols and for every message
 * the server sends (replies, room messages, events, pings):
 * <ul>
 *   <li><b>Back-pressure.</b> While the channel is unwritable (its outbound buffer passed the
 *       high watermark) or a {@linkplain #hold hold} is set, inbound messages are not
 *       processed: those already decoded wait in a bounded queue, in order, and reading
 *       stops; once writable and unheld again the queue is worked off, then reading resumes.
 *       A client that stops reading therefore stops the work it causes.</li>
 *   <li><b>Cap.</b> What is still written anyway (replies of calls already running, room
 *       messages, events) is checked by {@link #mayWrite()}: a client with more than
 *       {@code maxOutboundBytes} queued is disconnected (INFO log with its address and the
 *       cap, {@link Refusal#SLOW_CONSUMER}). Queued bytes are the channel's pending outbound
 *       bytes plus the batch still inside the {@link CoalescingEncoder}.</li>
 *   <li><b>Queue bound.</b> More than {@link #MAX_DEFERRED} messages waiting (only possible
 *       from what one read decoded) closes the connection ({@link Refusal#OVERLOADED}).</li>
 * </ul>
 * A writable channel costs one writability check per message; the queue exists only while
 * something waits. One instance per connection, confined to its event loop.
 *
 * @param <T> the protocol's decoded inbound message type
 */
public final class OutboundFlow<T> {
    /** Hold reason: a request runs off the loop and later lines must wait for it (socket room verbs). */
    public static final int HOLD_PENDING_REQUEST = 1;
    /** Hold reason: the connection has its maximum of calls running (JSTP). */
    public static final int HOLD_IN_FLIGHT = 2;
    /** Most inbound messages waiting (a 64 KiB read of 2-byte lines is 32 Ki lines). */
    public static final int MAX_DEFERRED = 40_000;

    private final Channel channel;
    private final long maxOutboundBytes;
    private final RefusalLog refusals;
    private final Owner<T> owner;
    private CoalescingEncoder encoder;
    private ArrayDeque<T> deferred; // made when first needed: most connections never wait
    private int holds;
    private boolean draining;
    private boolean cutOff;

    /**
     * The connection a policy works for, usually its protocol handler itself (so that the
     * policy costs the connection no callback objects). Called on the event loop.
     *
     * @param <T> the protocol's decoded inbound message type
     */
    public interface Owner<T> {
        /** Processes one inbound message that waited in the policy's queue. */
        void processDeferred(T message);

        /**
         * Marks the connection as closing: the policy disconnects it (it closes the channel
         * itself right after this call).
         */
        void cutOff();

        /**
         * Whether {@code message} may be processed although the only hold set is {@link
         * #HOLD_PENDING_REQUEST} (a request the owner pipelines behind the pending ones, e.g.
         * consecutive socket {@code say} lines); asked only when nothing else waits before it.
         * Default false.
         */
        default boolean mayRunWhileHeld(T message) {
            return false;
        }

        /**
         * Whether requests may currently pipeline behind {@link #HOLD_PENDING_REQUEST} (then
         * reading goes on while it is the only hold; the first message that has to wait stops
         * it). Default false.
         */
        default boolean pipelinesWhileHeld() {
            return false;
        }
    }

    /**
     * A policy for {@code channel}.
     *
     * @param channel          the connection's channel
     * @param maxOutboundBytes the cap of bytes queued for the client
     * @param refusals         where a cut-off is counted and logged (the listener's, rate-limited)
     * @param owner            processes the messages that waited and is told of a cut-off
     */
    public OutboundFlow(Channel channel, long maxOutboundBytes, RefusalLog refusals, Owner<T> owner) {
        this.channel = channel;
        this.maxOutboundBytes = maxOutboundBytes;
        this.refusals = refusals;
        this.owner = owner;
    }

    /**
     * An inbound message was decoded: true when it may be processed now (the caller does so),
     * false when it was queued (or the connection is being cut off).
     */
    public boolean admit(T message) {
        if ((deferred == null || deferred.isEmpty()) && channel.isWritable() && !cutOff && unheldFor(message)) {
            return true;
        }
        if (cutOff) {
            return false;
        }
        if (deferred == null) {
            deferred = new ArrayDeque<>();
        } else if (deferred.size() >= MAX_DEFERRED) {
            cutOff(Refusal.OVERLOADED, "over " + MAX_DEFERRED + " requests are waiting");
            return false;
        }
        deferred.add(message);
        channel.config().setAutoRead(false);
        return false;
    }

    /** Sets or clears a hold (a {@code HOLD_*} reason); clearing the last one works off the queue. */
    public void hold(int reason, boolean on) {
        holds = on ? holds | reason : holds & ~reason;
        resume();
    }

    /** The channel's writability changed (call from {@code channelWritabilityChanged}). */
    public void writabilityChanged() {
        resume();
    }

    /**
     * Call before each write: true if it may go ahead; false when more than the cap is queued
     * for the client, which is then disconnected (or was already).
     */
    public boolean mayWrite() {
        if (cutOff) {
            return false;
        }
        if (channel.isWritable()) {
            return true; // at most the high watermark plus one encoder batch is queued
        }
        if (queuedBytes() <= maxOutboundBytes) {
            return true;
        }
        cutOff(Refusal.SLOW_CONSUMER, "it does not read and over " + maxOutboundBytes + " bytes are queued for it");
        return false;
    }

    /**
     * Bytes written for the client and not yet sent: the outbound buffer (as Netty counts it,
     * with its small per-message overhead; 0 while writable) and the encoder's batch.
     */
    public long queuedBytes() {
        long beyondLowMark = channel.bytesBeforeWritable(); // 0 while writable
        long buffered = beyondLowMark > 0
                ? beyondLowMark + channel.config().getWriteBufferLowWaterMark() - 1
                : 0;
        CoalescingEncoder e = encoder();
        return buffered + (e == null ? 0 : e.pendingBytes());
    }

    /** Whether this policy has disconnected the client. */
    public boolean isCutOff() {
        return cutOff;
    }

    /** Forgets the waiting messages (the connection is closing). */
    public void clear() {
        deferred = null;
    }

    private CoalescingEncoder encoder() {
        if (encoder == null) {
            encoder = channel.pipeline().get(CoalescingEncoder.class);
        }
        return encoder;
    }

    /** Works off the queue while allowed, then reads again if nothing waits. Re-entrant calls return. */
    private void resume() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            T next;
            while (!cutOff && deferred != null && channel.isWritable() && (next = deferred.peek()) != null
                    && unheldFor(next)) {
                deferred.poll();
                owner.processDeferred(next);
            }
        } finally {
            draining = false;
        }
        if (!cutOff) {
            boolean unheld = holds == 0 || holds == HOLD_PENDING_REQUEST && owner.pipelinesWhileHeld();
            channel.config().setAutoRead(unheld && channel.isWritable() && (deferred == null || deferred.isEmpty()));
        }
    }

    /** No hold, or only a pending request the owner lets {@code message} pipeline behind. */
    private boolean unheldFor(T message) {
        return holds == 0 || holds == HOLD_PENDING_REQUEST && owner.mayRunWhileHeld(message);
    }

    private void cutOff(Refusal reason, String why) {
        cutOff = true;
        deferred = null;
        refusals.refuse(reason, "closing {}: {}", channel.remoteAddress(), why);
        try {
            owner.cutOff();
        } finally {
            channel.close();
        }
    }
}
