package io.tether.client.jstp.internal;

import io.tether.codec.jstp.JstpMessage;

/** Routes each received message kind to the client (spec §5, §10 client side). */
final class IncomingRouter {
    private final DefaultJstpClient client;

    IncomingRouter(DefaultJstpClient client) {
        this.client = client;
    }

    void route(JstpMessage message) {
        switch (message) {
            case JstpMessage.HandshakeRequest r -> client.refuseHandshakeRequest();
            case JstpMessage.HandshakeReply r -> client.completeHandshake(r);
            case JstpMessage.Call c -> client.onServerCall(c);
            case JstpMessage.Callback cb -> client.onCallback(cb);
            case JstpMessage.Event e -> client.onEvent(e);
            case JstpMessage.Inspect i -> client.onServerInspect(i);
            case JstpMessage.Ping p -> client.onPing(p);
            case JstpMessage.Pong p -> client.onPong(p);
            case JstpMessage.Heartbeat h -> { }
            case JstpMessage.Unknown u -> client.rejected(u, "unknown message kind " + u.kind());
        }
    }
}
