package io.tether.server.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpMethod;
import io.tether.codec.jstp.JstpMessage;
import io.tether.core.action.ActionOutcome;
import io.tether.core.action.ErrorPolicy;
import io.tether.core.action.MethodCall;
import io.tether.core.action.MethodOutcome;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.ResumableSession;
import io.tether.server.jstp.wire.JstpErrors;
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
        ResumableSession session = conn.session();
        if (call.method() == null || !(call.args() instanceof List<?> rawArgs)) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.INVALID_SIGNATURE)));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) rawArgs;
        Optional<JstpInterface> iface = services.resolve(conn.application(), call.iface());
        if (iface.isEmpty()) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.INTERFACE_NOT_FOUND)));
            return;
        }
        if (iface.get() == services.actions()) {
            callAction(conn, call, args);
            return;
        }
        Optional<JstpMethod> method = iface.get().method(call.method());
        if (method.isEmpty()) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.ACTION_NOT_FOUND)));
            return;
        }
        int arity = method.get().arity();
        if (arity >= 0 && args.size() != arity) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.INVALID_SIGNATURE)));
            return;
        }
        MethodCall mc = new MethodCall(call.iface(), call.method(), args, conn::abort);
        conn.callStarted();
        CompletableFuture<MethodOutcome> outcome = services.core().processor().call(session, method.get(), mc);
        if (outcome.state() == Future.State.SUCCESS) { // a non-blocking method: answer before the next message
            answer(session, call, outcome.resultNow());
            conn.callFinished();
        } else {
            outcome.whenComplete((o, failure) -> {
                answer(session, call, o != null ? o : MethodOutcome.failure(
                        ErrorPolicy.toClient(failure, call.iface() + "." + call.method())));
                conn.callFinished();
            });
        }
    }

    private void callAction(JstpChannelConnection conn, JstpMessage.Call call, List<Object> args) {
        ResumableSession session = conn.session();
        CompletableFuture<ActionOutcome> outcome = services.actions().call(session, call.method(), args);
        if (outcome == null) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.ACTION_NOT_FOUND)));
            return;
        }
        conn.callStarted();
        if (outcome.state() == Future.State.SUCCESS) { // a non-blocking action: no dependent future
            answerAction(session, call, outcome.resultNow(), null);
            conn.callFinished();
        } else {
            outcome.whenComplete((o, failure) -> {
                answerAction(session, call, o, failure);
                conn.callFinished();
            });
        }
    }

    private static void answerAction(ResumableSession session, JstpMessage.Call call, ActionOutcome o,
                                     Throwable failure) {
        send(session, o != null && o.ok() ? new Outbound.Result(call.id(), List.of((Object) o.fields()))
                : new Outbound.Failure(call.id(), o != null ? JstpErrors.of(o.error())
                        : JstpErrors.of(failure, "action " + call.method())));
    }

    private void answer(ResumableSession session, JstpMessage.Call call, MethodOutcome o) {
        if (o.aborted()) {
            return;
        }
        // results the encoder cannot serialize are answered as an internal error (JstpOutbound)
        send(session, o.ok() ? new Outbound.Result(call.id(), o.results())
                : new Outbound.Failure(call.id(), JstpErrors.of(o.error())));
    }

    private static void send(ResumableSession session, Outbound.Reply reply) {
        try {
            session.reply(reply);
        } catch (RuntimeException e) {
            LOG.warn("reply to {} lost: {}", session, e.toString());
        }
    }

    /** Answers an inspect with the method names, or {@code [12]}. */
    void inspect(JstpChannelConnection conn, JstpMessage.Inspect inspect) {
        Optional<JstpInterface> iface = services.resolve(conn.application(), inspect.iface());
        Outbound.Reply reply = iface.isPresent()
                ? new Outbound.Result(inspect.id(), List.<Object>copyOf(iface.get().methodNames()))
                : new Outbound.Failure(inspect.id(), JstpErrors.of(ErrorCode.INTERFACE_NOT_FOUND));
        conn.session().reply(reply);
    }

    /** Delivers a client event with an array payload to the application; others are ignored. */
    void event(JstpChannelConnection conn, JstpMessage.Event event) {
        if (event.event() == null || !(event.args() instanceof List<?> rawArgs)) {
            services.listener().messageRejected(conn, event, "event payload is not an array");
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) rawArgs;
        services.core().processor().event(conn.session(), conn.application().events(),
                new MethodCall(event.iface(), event.event(), args, conn::abort));
    }
}
