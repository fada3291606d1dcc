package io.tether.server.jstp;

import io.tether.api.ErrorCode;
import io.tether.codec.jstp.JstpMessage;
import io.tether.server.jstp.app.JstpCallContext;
import io.tether.server.jstp.app.JstpInterface;
import io.tether.server.jstp.app.JstpMethod;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.ResumableSession;
import io.tether.server.jstp.wire.JstpErrors;
import io.tether.api.TetherException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches calls, inspects and client events of an established connection to the
 * selected application. Replies go through the session, so a call that
 * completes after a reconnect is answered on the new transport (or held while detached).
 * Never blocks; a slow method does not delay later messages.
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
        Optional<JstpInterface> iface = services.resolve(conn.application(), call.iface());
        if (iface.isEmpty()) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.INTERFACE_NOT_FOUND)));
            return;
        }
        Optional<JstpMethod> method = iface.get().method(call.method());
        if (method.isEmpty()) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.ACTION_NOT_FOUND)));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) rawArgs;
        int arity = method.get().arity();
        if (arity >= 0 && args.size() != arity) {
            session.reply(new Outbound.Failure(call.id(), JstpErrors.of(ErrorCode.INVALID_SIGNATURE)));
            return;
        }
        JstpCallContext ctx = context(conn, call.iface(), call.method(), args);
        conn.callStarted();
        withDeadline(call.iface(), invoke(method.get(), ctx)).whenComplete((results, failure) -> {
            answer(ctx, call.id(), results, failure);
            conn.callFinished();
        });
    }

    /**
     * Native methods get the listener's method deadline; the actions interface relies on each
     * action's own deadline. The handler's own future is left untouched (a copy times out).
     */
    private CompletionStage<List<Object>> withDeadline(String iface, CompletionStage<List<Object>> stage) {
        if (iface.equals(services.options().actionsInterface())) {
            return stage;
        }
        Duration limit = services.options().methodTimeout();
        return stage.toCompletableFuture().copy().orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof TimeoutException || e.getCause() instanceof TimeoutException
                                ? new TetherException(ErrorCode.ACTION_TIMEOUT,
                                        "the method timed out after " + limit.toMillis() + " ms")
                                : e));
    }

    private CompletionStage<List<Object>> invoke(JstpMethod method, JstpCallContext ctx) {
        try {
            CompletionStage<List<Object>> stage = method.handler().invoke(ctx);
            return stage != null ? stage : CompletableFuture.completedFuture(List.of());
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    private void answer(JstpCallContext ctx, long id, List<Object> results, Throwable failure) {
        if (ctx.aborted()) {
            return;
        }
        // a result that cannot be serialized is answered [16] by the encoder (on the owning node)
        Outbound.Reply reply = failure == null ? new Outbound.Result(id, results)
                : new Outbound.Failure(id, JstpErrors.of(failure));
        if (failure != null && JstpErrors.of(failure).equals(List.of(ErrorCode.INTERNAL_ERROR.jstpCode()))) {
            LOG.warn("{}.{} failed: {}", ctx.iface(), ctx.member(), failure.toString());
        }
        try {
            ctx.session().reply(reply);
        } catch (RuntimeException e) {
            LOG.warn("reply to {} lost: {}", ctx.session(), e.toString());
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
        try {
            conn.application().events().onEvent(context(conn, event.iface(), event.event(), args));
        } catch (RuntimeException e) {
            LOG.warn("event handler for {}.{} failed: {}", event.iface(), event.event(), e.toString());
        }
    }

    private JstpCallContext context(JstpChannelConnection conn, String iface, String member, List<Object> args) {
        return new JstpCallContext(conn.session(), conn, conn.application(), iface, member, args,
                services.core().workers(), services.core().timer());
    }
}
