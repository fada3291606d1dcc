package io.tether.server.jstp;

import io.netty.channel.Channel;

/**
 * Test access to a JSTP-over-WebSocket connection's handler state for harnesses outside this
 * package (the WebSocket fuzz target waits until a handshake decided on another thread came back).
 */
public final class JstpWebSocketProbe {
    private JstpWebSocketProbe() {
    }

    /** Whether {@code channel} is open, runs a JSTP handler, and its handshake is still undecided. */
    public static boolean handshaking(Channel channel) {
        JstpServerHandler h = channel.pipeline().get(JstpServerHandler.class);
        return h != null && channel.isOpen() && h.handshaking();
    }
}
