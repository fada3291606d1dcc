package io.tether.server.jstp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.tether.api.Principal;
import io.tether.server.EventLoops;
import io.tether.server.flow.OutboundFlow;
import io.tether.api.jstp.JstpApplication;
import io.tether.core.session.resume.ResumableSession;
import io.tether.core.session.resume.SessionTransport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketAddress;

/**
 * One accepted channel as a {@link JstpConnection} and as the {@link SessionTransport} of
 * its session. A write from another thread is queued on the channel's event loop; one made on
 * the loop with nothing queued goes out at once; either way the wire order is the order of
 * the {@link #send} calls (which the session's lock orders).
 */
final class JstpChannelConnection implements JstpConnection, SessionTransport {
    private static final VarHandle IN_FLIGHT;
    private static final VarHandle QUEUED_WRITES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IN_FLIGHT = lookup.findVarHandle(JstpChannelConnection.class, "inFlight", int.class);
            QUEUED_WRITES = lookup.findVarHandle(JstpChannelConnection.class, "queuedWrites", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Channel channel;
    private final JstpListener listener;
    private volatile ResumableSession session;
    private volatile JstpApplication application;
    private volatile boolean established;
    private volatile boolean closing;
    // counters as plain fields updated through VarHandles: no Atomic* objects per connection
    private volatile int inFlight;
    private volatile int queuedWrites;
    private final int maxInFlight;
    private final OutboundFlow<?> flow; // event loop only

    JstpChannelConnection(Channel channel, JstpListener listener, int maxInFlight, OutboundFlow<?> flow) {
        this.channel = channel;
        this.listener = listener;
        this.maxInFlight = maxInFlight;
        this.flow = flow;
    }

    /**
     * Counts a started call (on the event loop); at the limit, holds further messages and stops
     * reading (back-pressure).
     */
    void callStarted() {
        if ((int) IN_FLIGHT.getAndAdd(this, 1) + 1 >= maxInFlight) {
            flow.hold(OutboundFlow.HOLD_IN_FLIGHT, true);
        }
    }

    /** Counts a finished call (any thread); releases the hold once half of the limit is free. */
    void callFinished() {
        if ((int) IN_FLIGHT.getAndAdd(this, -1) - 1 == maxInFlight / 2) {
            EventLoops.later(channel, () -> {
                if (inFlight <= maxInFlight / 2) {
                    flow.hold(OutboundFlow.HOLD_IN_FLIGHT, false);
                }
            });
        }
    }

    @Override
    public int callsInFlight() {
        return inFlight;
    }

    /** Binds the session and application chosen by the handshake. */
    void bind(JstpApplication app, ResumableSession s) {
        application = app;
        session = s;
    }

    /** Marks the handshake as completed. */
    void established() {
        established = true;
    }

    /**
     * Writes at once when called on the channel's event loop with no write of another thread
     * still queued (a method answered inline), else queues the write on the loop. The session's
     * lock orders the calls, and a queued write is counted before it is queued, so the wire
     * order is always the call order.
     */
    @Override
    public void send(String text) {
        if (queuedWrites == 0 && channel.eventLoop().inEventLoop()) {
            write(text);
            return;
        }
        QUEUED_WRITES.getAndAdd(this, 1);
        boolean queued = EventLoops.later(channel, () -> {
            QUEUED_WRITES.getAndAdd(this, -1);
            write(text);
        });
        if (!queued) {
            QUEUED_WRITES.getAndAdd(this, -1); // the server is stopping; this connection is going away
        }
    }

    private void write(String text) {
        if (flow.mayWrite()) {
            channel.writeAndFlush(text, channel.voidPromise());
            listener.outgoingMessage(this, text);
        }
    }

    @Override
    public void close() {
        closing = true;
        detach();
        EventLoops.later(channel, () -> channel.writeAndFlush(Unpooled.EMPTY_BUFFER)
                .addListener(ChannelFutureListener.CLOSE));
    }

    @Override
    public void abort() {
        closing = true;
        detach();
        EventLoops.later(channel, channel::close);
    }

    /** Detaches from the session, if still attached (the session stays restorable). */
    void detach() {
        ResumableSession s = session;
        if (s != null) {
            s.detach(this);
        }
    }

    @Override
    public String id() {
        return channel.id().asShortText();
    }

    @Override
    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    @Override
    public boolean handshakeDone() {
        return established;
    }

    @Override
    public String username() {
        ResumableSession s = session;
        return s == null ? null : s.principal().map(Principal::name).orElse(null);
    }

    @Override
    public ResumableSession session() {
        return session;
    }

    @Override
    public JstpApplication application() {
        return application;
    }

    @Override
    public boolean isOpen() {
        return !closing && channel.isActive();
    }

    @Override
    public String toString() {
        return "jstp:" + id() + "@" + remoteAddress();
    }
}
