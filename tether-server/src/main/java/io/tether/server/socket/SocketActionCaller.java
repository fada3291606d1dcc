package io.tether.server.socket;

import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.core.action.ActionOutcome;
import io.tether.core.action.ActionProcessor;
import io.tether.core.action.ErrorPolicy;
import io.tether.server.ApiVersion;
import io.tether.server.EventLoops;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inline and JSON action calls: updates the sticky params in line order, hands a
 * copy to the core's {@link ActionProcessor} and delivers the reply on the event loop when
 * the action finishes, so replies may overtake each other (clients match them by messageId).
 */
final class SocketActionCaller {
    private static final Logger LOG = LoggerFactory.getLogger(SocketActionCaller.class);

    private final ActionProcessor processor;

    SocketActionCaller(ActionProcessor processor) {
        this.processor = processor;
    }

    /** An inline call: sticky {@code action} := name, then run with the sticky params. */
    void callInline(SocketSession session, String name, Correlation c, Executor loop, Consumer<SocketMessage> reply) {
        String refused = session.sticky().put("action", name);
        if (refused != null) {
            reply.accept(SocketReplies.verbError(refused, c.messageId(), c.messageCount()));
            return;
        }
        run(session, name, c, loop, reply);
    }

    /**
     * A JSON call: {@code params} replaces the sticky params, a truthy {@code action} is
     * stored, a truthy new {@code messageId} overrides the line's id; returns the correlation used.
     * Params over the sticky bounds are answered with an error (with the line's id fixed from
     * the old params) and change nothing.
     */
    Correlation callJson(SocketSession session, SocketRequest.JsonRequest request, Correlation fixed, Executor loop,
                         Consumer<SocketMessage> reply) {
        Object newAction = JsTruth.isTruthy(request.action()) ? request.action() : null;
        String refused = null;
        if (request.hasParams()) {
            refused = session.sticky().replace(request.params(), newAction);
        } else if (newAction != null) {
            refused = session.sticky().put("action", newAction);
        }
        if (refused != null) {
            reply.accept(SocketReplies.verbError(refused, fixed.messageId(), fixed.messageCount()));
            return fixed;
        }
        Correlation c = fixed;
        Object newId = session.params().get("messageId");
        if (request.hasParams() && JsTruth.isTruthy(newId)) {
            c = new Correlation(session.overrideMessageId(newId), fixed.messageCount());
        }
        Object action = session.params().get("action");
        run(session, action == null ? null : String.valueOf(action), c, loop, reply);
        return c;
    }

    private void run(SocketSession session, String name, Correlation c, Executor loop, Consumer<SocketMessage> reply) {
        // the processor copies the params before it returns; a non-blocking action has already run
        CompletableFuture<ActionOutcome> result = processor.process(session.connection(), name,
                ApiVersion.of(session.params().get("apiVersion")), session.params());
        BiConsumer<ActionOutcome, Throwable> deliver = (outcome, failure) -> {
            if (failure != null) {
                String text = ErrorPolicy.toClient(failure, "action " + name + " on " + session.connection()).getMessage();
                reply.accept(SocketReplies.actionReply(Map.of(), text, c.messageId(), c.messageCount()));
            } else {
                reply.accept(toReply(outcome, c));
            }
        };
        if (result.state() == Future.State.SUCCESS) {
            deliver.accept(result.resultNow(), null); // refused, or a non-blocking action: reply before the next line
        } else if (result.isDone()) {
            result.whenComplete(deliver);
        } else {
            // directly when it finished on the connection's event loop, else with one hop to it
            result.whenComplete((outcome, failure) -> EventLoops.run(loop, () -> deliver.accept(outcome, failure)));
        }
    }

    private static SocketMessage toReply(ActionOutcome outcome, Correlation c) {
        String error = outcome.ok() ? null : outcome.error().getMessage();
        return SocketReplies.actionReply(outcome.fields(), error, c.messageId(), c.messageCount());
    }
}
