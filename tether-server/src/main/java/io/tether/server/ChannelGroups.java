package io.tether.server;

import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.CompletableFuture;

/** Bridges Netty channel-group futures to {@link CompletableFuture}s for protocol shutdowns. */
public final class ChannelGroups {
    private ChannelGroups() {
    }

    /**
     * Completes when every channel now in the group has closed (whatever the close reason).
     * Take it before starting to close them.
     */
    public static CompletableFuture<Void> allClosed(ChannelGroup group) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        group.newCloseFuture().addListener(f -> done.complete(null));
        return done;
    }
}
