package io.tether.client.jstp.internal;

import io.tether.client.internal.Dispatcher;
import io.tether.client.jstp.HostedMethod;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.client.jstp.LocalApplication;
import io.tether.codec.jstp.JstpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers the server's calls and inspects from the client's {@link LocalApplication}:
 * {@code [12]} unknown interface, {@code [14]} unknown method, {@code [17]} non-array
 * arguments, {@code [16]} unexpected exception. Methods run on virtual threads.
 */
final class LocalCalls {
    private final LocalApplication app;
    private final Dispatcher dispatcher;

    LocalCalls(LocalApplication app, Dispatcher dispatcher) {
        this.app = app;
        this.dispatcher = dispatcher;
    }

    /** Computes the callback for a call and hands it to {@code reply} (from a virtual thread). */
    void call(JstpMessage.Call call, Consumer<JstpMessage.Callback> reply) {
        Map<String, HostedMethod> iface = app.iface(call.iface());
        if (iface == null) {
            reply.accept(error(call.id(), List.of(JstpRemoteException.INTERFACE_NOT_FOUND)));
            return;
        }
        HostedMethod method = call.method() == null ? null : iface.get(call.method());
        if (method == null) {
            reply.accept(error(call.id(), List.of(JstpRemoteException.METHOD_NOT_FOUND)));
            return;
        }
        if (!(call.args() instanceof List<?> args)) {
            reply.accept(error(call.id(), List.of(JstpRemoteException.INVALID_SIGNATURE)));
            return;
        }
        dispatcher.run(() -> reply.accept(invoke(call.id(), method, new ArrayList<>(args))));
    }

    private static JstpMessage.Callback invoke(long id, HostedMethod method, List<Object> args) {
        try {
            List<?> result = method.invoke(args);
            return new JstpMessage.Callback(id, result == null ? List.of() : new ArrayList<>(result), null);
        } catch (JstpRemoteException e) {
            return error(id, e.toWire());
        } catch (Exception e) {
            return error(id, List.of(JstpRemoteException.INTERNAL_API_ERROR));
        }
    }

    /** The inspect reply: method names, or {@code [12]}. */
    JstpMessage.Callback inspect(JstpMessage.Inspect inspect) {
        List<String> names = app.methodNames(inspect.iface());
        return names == null ? error(inspect.id(), List.of(JstpRemoteException.INTERFACE_NOT_FOUND))
                : new JstpMessage.Callback(inspect.id(), new ArrayList<>(names), null);
    }

    private static JstpMessage.Callback error(long id, List<Object> error) {
        return new JstpMessage.Callback(id, null, error);
    }
}
