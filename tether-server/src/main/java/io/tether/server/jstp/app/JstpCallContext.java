package io.tether.server.jstp.app;

import io.tether.server.jstp.JstpConnection;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.ResumableSession;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a method (or client-event handler) sees: the session, the connection that carried
 * the message, the selected application, interface, member name and arguments, plus ways to
 * emit events and executors for asynchronous work.
 */
public final class JstpCallContext {
    private final ResumableSession session;
    private final JstpConnection connection;
    private final JstpApplication application;
    private final String iface;
    private final String member;
    private final List<Object> args;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private volatile boolean aborted;

    /** Creates a context (the server does this for every call and event). */
    public JstpCallContext(ResumableSession session, JstpConnection connection, JstpApplication application,
                           String iface, String member, List<Object> args, Executor workers,
                           ScheduledExecutorService timer) {
        this.session = session;
        this.connection = connection;
        this.application = application;
        this.iface = iface;
        this.member = member;
        this.args = args;
        this.workers = workers;
        this.timer = timer;
    }

    /** The caller's session (survives reconnects). */
    public ResumableSession session() {
        return session;
    }

    /** The connection that carried this message. */
    public JstpConnection connection() {
        return connection;
    }

    /** The application selected by the handshake. */
    public JstpApplication application() {
        return application;
    }

    /** Interface name. */
    public String iface() {
        return iface;
    }

    /** Method (or event) name. */
    public String member() {
        return member;
    }

    /** The argument list (holes are {@code Mdsf.UNDEFINED}). */
    public List<Object> args() {
        return args;
    }

    /** Argument {@code i}. */
    public Object arg(int i) {
        return args.get(i);
    }

    /** Argument {@code i} as a double; a non-number fails with {@code [17]}. */
    public double number(int i) {
        if (args.get(i) instanceof Number n) {
            return n.doubleValue();
        }
        throw new io.tether.api.TetherException(io.tether.api.ErrorCode.INVALID_SIGNATURE,
                "argument " + i + " must be a number");
    }

    /** Executor for blocking work (virtual threads). */
    public Executor workers() {
        return workers;
    }

    /** Timer for delayed work; tasks must be short. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** Emits an event to the calling connection (dropped if that connection has closed). */
    public void emit(String eventIface, String event, List<?> eventArgs) {
        if (connection.isOpen()) {
            emitToSession(eventIface, event, eventArgs);
        }
    }

    /** Emits an event to the session: sent now, or buffered and resent on restore. */
    public void emitToSession(String eventIface, String event, List<?> eventArgs) {
        session.originate(Outbound.event(eventIface, event, eventArgs));
    }

    /** Closes the transport abruptly; the call gets no reply (the session stays restorable). */
    public void abortTransport() {
        aborted = true;
        connection.abort();
    }

    /** Whether {@link #abortTransport()} was called. */
    public boolean aborted() {
        return aborted;
    }
}
