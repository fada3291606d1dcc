package io.tether.server.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpMethod;
import io.tether.codec.jstp.JstpMessage;
import io.tether.core.action.ActionOutcome;
import io.tether.core.action.MethodCall;
import io.tether.core.action.MethodOutcome;
import io.tether.core.session.Session;
import io.tether.server.jstp.session.JstpSession;
import io.tether.server.jstp.wire.JstpErrors;
import io.tether.server.jstp.wire.JstpText;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches calls, inspects and client events of an established connection: checks the
 * interface, method and arity, then hands the call to the core's handler pipeline (methods:
 * {@code ActionProcessor.call}; the actions interface: {@code ActionProcessor.process}) and
 * answers its outcome. Replies go through the session, so a call that completes after a
 * reconnect is answered on the new transport (or held while detached). Never blocks; a slow
 * method does not delay later messages.
 */
final class JstpDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(JstpDispatcher.class);

    private final JstpServices services;

    JstpDispatcher(JstpServices services) {
        this.services = services;
    }

    /** Runs a call and answers it exactly once (unless the method aborts the transport). */
    void call(JstpChannelConnection conn, JstpMessage.Call call) {
        JstpSession session = conn.session();
        if (call.method() == null || !(call.args() instanceof List<?> rawArgs)) {
            session.reply(JstpText.callbackError(call.id(), JstpErrors.of(ErrorCode.INVALID_SIGNATURE)));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) rawArgs;
        Optional<JstpInterface> iface = services.resolve(conn.application(), call.iface());
        if (iface.isEmpty()) {
            session.reply(JstpText.callbackError(call.id(), JstpErrors.of(ErrorCode.INTERFACE_NOT_FOUND)));
            return;
        }
        if (iface.get() == services.actions()) {
            callAction(conn, call, args);
            return;
        }
        Optional<JstpMethod> method = iface.get().method(call.method());
        if (method.isEmpty()) {
            session.reply(JstpText.callbackError(call.id(), JstpErrors.of(ErrorCode.ACTION_NOT_FOUND)));
            return;
        }
        int arity = method.get().arity();
        if (arity >= 0 && args.size() != arity) {
            session.reply(JstpText.callbackError(call.id(), JstpErrors.of(ErrorCode.INVALID_SIGNATURE)));
            return;
        }
        MethodCall mc = new MethodCall(call.iface(), call.method(), args, conn::abort);
        conn.callStarted();
        CompletableFuture<MethodOutcome> outcome = services.core().processor().call(core(conn), method.get(), mc);
        if (outcome.state() == Future.State.SUCCESS) { // a non-blocking method: answer before the next message
            answer(session, call, outcome.resultNow());
            conn.callFinished();
        } else {
            outcome.whenComplete((o, failure) -> {
                answer(session, call, o != null ? o : MethodOutcome.failure(
                        io.tether.core.action.ErrorPolicy.toClient(failure, call.iface() + "." + call.method())));
                conn.callFinished();
            });
        }
    }

    private void callAction(JstpChannelConnection conn, JstpMessage.Call call, List<Object> args) {
        CompletableFuture<ActionOutcome> outcome = services.actions().call(core(conn), call.method(), args);
        if (outcome == null) {
            conn.session().reply(JstpText.callbackError(call.id(), JstpErrors.of(ErrorCode.ACTION_NOT_FOUND)));
            return;
        }
        JstpSession session = conn.session();
        conn.callStarted();
        outcome.whenComplete((o, failure) -> {
            String text;
            if (o != null && o.ok()) {
                text = ok(call, List.of((Object) o.fields()));
            } else {
                text = JstpText.callbackError(call.id(), o != null ? JstpErrors.of(o.error())
                        : JstpErrors.of(failure, "action " + call.method()));
            }
            send(session, text);
            conn.callFinished();
        });
    }

    private void answer(JstpSession session, JstpMessage.Call call, MethodOutcome o) {
        if (o.aborted()) {
            return;
        }
        send(session, o.ok() ? ok(call, o.results()) : JstpText.callbackError(call.id(), JstpErrors.of(o.error())));
    }

    /** The ok callback; results the writer cannot serialize are an internal error under the policy. */
    private static String ok(JstpMessage.Call call, List<Object> results) {
        try {
            return JstpText.callbackOk(call.id(), results);
        } catch (Throwable e) { // also an Error (e.g. too deep): the call is still answered, once
            return JstpText.callbackError(call.id(), JstpErrors.of(e, call.iface() + "." + call.method()));
        }
    }

    private static void send(JstpSession session, String text) {
        try {
            session.reply(text);
        } catch (RuntimeException e) {
            LOG.warn("reply to {} lost: {}", session, e.toString());
        }
    }

    /** Answers an inspect with the method names, or {@code [12]}. */
    void inspect(JstpChannelConnection conn, JstpMessage.Inspect inspect) {
        Optional<JstpInterface> iface = services.resolve(conn.application(), inspect.iface());
        String text = iface.isPresent()
                ? JstpText.callbackOk(inspect.id(), List.<Object>copyOf(iface.get().methodNames()))
                : JstpText.callbackError(inspect.id(), JstpErrors.of(ErrorCode.INTERFACE_NOT_FOUND));
        conn.session().reply(text);
    }

    /** Delivers a client event with an array payload to the application; others are ignored. */
    void event(JstpChannelConnection conn, JstpMessage.Event event) {
        if (event.event() == null || !(event.args() instanceof List<?> rawArgs)) {
            services.listener().messageRejected(conn, event, "event payload is not an array");
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) rawArgs;
        services.core().processor().event(core(conn), conn.application().events(),
                new MethodCall(event.iface(), event.event(), args, conn::abort));
    }

    private static Session core(JstpChannelConnection conn) {
        return conn.session().coreConnection();
    }
}
