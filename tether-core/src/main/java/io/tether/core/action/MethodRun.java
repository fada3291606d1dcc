package io.tether.core.action;

import io.tether.api.Cache;
import io.tether.api.MethodContext;
import io.tether.api.Rooms;
import io.tether.core.session.Session;
import java.util.Collections;
import java.util.List;

/** The {@link MethodContext} of one JSTP-method run or client event. */
final class MethodRun extends CallRun implements MethodContext {
    private final MethodCall call;
    private volatile boolean aborted;

    MethodRun(MethodCall call, Session session, Rooms rooms, Cache cache, long deadlineNanos) {
        super(session, rooms, cache, deadlineNanos);
        this.call = call;
    }

    @Override
    public String iface() {
        return call.iface();
    }

    @Override
    public String member() {
        return call.member();
    }

    @Override
    public List<Object> args() {
        return Collections.unmodifiableList(call.args());
    }

    @Override
    public Object arg(int i) {
        return call.args().get(i);
    }

    @Override
    public void abortTransport() {
        aborted = true;
        call.abort().run();
    }

    /** Whether the run aborted its transport (then it is not answered). */
    boolean aborted() {
        return aborted;
    }
}
