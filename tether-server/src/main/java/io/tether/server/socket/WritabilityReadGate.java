package io.tether.server.socket;

import io.netty.channel.Channel;

/**
 * Flow control of one connection: reads from the client only while its outbound buffer is
 * below the high watermark (the channel is writable) <em>and</em> no request line is
 * waiting for a verb running off the event loop ({@link #holdForVerb}). Both reasons are
 * kept here so neither turns reading back on while the other still needs it off. Owned by
 * the connection handler (not a pipeline stage of its own); confined to the event loop.
 */
final class WritabilityReadGate {
    private boolean verbPending;

    /** The channel's writability changed. */
    void writabilityChanged(Channel channel) {
        apply(channel);
    }

    /** Stops (true) or resumes (false) reading on behalf of a verb running on a worker thread. */
    void holdForVerb(Channel channel, boolean pending) {
        verbPending = pending;
        apply(channel);
    }

    private void apply(Channel channel) {
        channel.config().setAutoRead(channel.isWritable() && !verbPending);
    }
}
