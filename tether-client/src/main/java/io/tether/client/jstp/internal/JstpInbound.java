package io.tether.client.jstp.internal;

import io.netty.channel.Channel;
import io.tether.client.jstp.IncomingMessage;
import io.tether.client.jstp.JstpClientListener;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.client.jstp.RemoteProxy;
import io.tether.codec.jstp.JstpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Handles each received message kind (a callback or pong acknowledges every buffered message up to
 * its id; stray callbacks, unknown kinds and non-array event payloads are ignored):
 * acknowledgements and received counts, callbacks to pending calls, events to listeners and
 * proxies, pongs to pings, calls and inspects to the locally hosted interfaces, {@code [15]} to a
 * handshake request. Event loop only.
 */
final class JstpInbound {
    private final JstpLink link;
    private final JstpHandshakes handshakes;
    private final LocalCalls local;
    private final Map<String, RemoteProxy> proxies;

    JstpInbound(JstpLink link, JstpHandshakes handshakes, LocalCalls local, Map<String, RemoteProxy> proxies) {
        this.link = link;
        this.handshakes = handshakes;
        this.local = local;
        this.proxies = proxies;
    }

    void route(JstpMessage message) {
        IncomingMessage incoming = incoming(message);
        link.emit(l -> l.onIncomingMessage(incoming));
        switch (message) {
            case JstpMessage.HandshakeRequest r -> refuseHandshakeRequest();
            case JstpMessage.HandshakeReply r -> {
                if (!handshakes.onReply(r)) {
                    rejected(r, "unexpected handshake reply");
                }
            }
            case JstpMessage.Call c -> onCall(c);
            case JstpMessage.Callback cb -> onCallback(cb);
            case JstpMessage.Event e -> onEvent(e);
            case JstpMessage.Inspect i -> onInspect(i);
            case JstpMessage.Ping p -> onPing(p);
            case JstpMessage.Pong p -> onPong(p);
            case JstpMessage.Heartbeat h -> link.emit(JstpClientListener::onHeartbeat);
            case JstpMessage.Unknown u -> rejected(u, "unknown message kind " + u.kind());
        }
    }

    private void refuseHandshakeRequest() {
        Channel ch = link.channel;
        ch.writeAndFlush(new JstpMessage.HandshakeReply(null, List.of(JstpRemoteException.NOT_A_SERVER)))
                .addListener(f -> ch.close());
    }

    private void received(long messageId) {
        if (link.session != null) {
            link.session.received(messageId);
        }
    }

    private void acknowledged(long messageId) {
        if (link.session != null) {
            link.session.acknowledged(messageId);
        }
    }

    private void onCallback(JstpMessage.Callback cb) {
        acknowledged(cb.id());
        link.emit(l -> l.onCallback(cb.id(), cb.ok(), cb.error()));
        if (!link.pending.complete(cb.id(), cb)) {
            rejected(cb, "callback for an unknown call");
        }
    }

    private void onPong(JstpMessage.Pong pong) {
        acknowledged(pong.id());
        link.emit(JstpClientListener::onHeartbeat);
        link.pending.complete(pong.id(), pong);
    }

    private void onPing(JstpMessage.Ping ping) {
        received(ping.id());
        link.write(new JstpMessage.Pong(ping.id()));
        link.emit(JstpClientListener::onHeartbeat);
    }

    private void onCall(JstpMessage.Call call) {
        received(call.id());
        List<Object> args = call.args() instanceof List<?> a ? new ArrayList<>(a) : List.of();
        link.emit(l -> l.onCall(call.iface(), call.method(), args));
        Channel ch = link.channel;
        local.call(call, cb -> {
            try {
                link.loop.execute(() -> {
                    if (ch == link.channel && ch.isActive()) { // a callback is lost with its transport
                        link.write(cb);
                    }
                });
            } catch (RejectedExecutionException closed) {
                // the client was closed while the method ran: its answer is lost with the transport
            }
        });
    }

    private void onInspect(JstpMessage.Inspect inspect) {
        received(inspect.id());
        link.emit(l -> l.onInspect(inspect.iface()));
        link.write(local.inspect(inspect));
    }

    private void onEvent(JstpMessage.Event event) {
        received(event.id());
        if (!(event.args() instanceof List<?> raw)) {
            rejected(event, "event payload is not an array");
            return;
        }
        List<Object> args = new ArrayList<>(raw);
        link.emit(l -> l.onEvent(event.iface(), event.event(), args));
        if (proxies.get(event.iface()) instanceof DefaultRemoteProxy p) {
            link.dispatcher.listener(() -> p.dispatch(event.event(), args));
        }
    }

    private void rejected(JstpMessage message, String reason) {
        IncomingMessage incoming = incoming(message);
        link.emit(l -> l.onMessageRejected(incoming, reason));
    }

    /** The listener's view of a received message: kind, id and canonical text. */
    private IncomingMessage incoming(JstpMessage message) {
        return switch (message) {
            case JstpMessage.HandshakeRequest m -> seen("handshake", m.id(), m);
            case JstpMessage.HandshakeReply m -> seen("handshake", 0, m);
            case JstpMessage.Call m -> seen("call", m.id(), m);
            case JstpMessage.Callback m -> seen("callback", m.id(), m);
            case JstpMessage.Event m -> seen("event", m.id(), m);
            case JstpMessage.Inspect m -> seen("inspect", m.id(), m);
            case JstpMessage.Ping m -> seen("ping", m.id(), m);
            case JstpMessage.Pong m -> seen("pong", m.id(), m);
            case JstpMessage.Heartbeat m -> seen("heartbeat", 0, m);
            case JstpMessage.Unknown m -> new IncomingMessage(m.kind(), 0, null);
        };
    }

    private IncomingMessage seen(String kind, long id, JstpMessage message) {
        String text;
        try {
            text = link.codec.toMdsf(message);
        } catch (RuntimeException e) { // the listener's view must never stop the message
            text = null;
        }
        return new IncomingMessage(kind, id, text);
    }
}
