package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.Cache;
import io.tether.api.Params;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.core.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One action run: what the pipeline drives ({@link CallPipeline.Call}: inputs, middleware,
 * handler, middleware) and the {@link ActionContext} its handler and middleware see, in one
 * object (a run costs one allocation of it). Confined to the thread running it, except the
 * pipeline's {@link #failed} and {@link #timeoutText}, which read only final fields.
 *
 * <p>The reply fields: a map the handler returns is taken as the reply as it is (the
 * handler hands it over) until someone asks for the mutable {@link #response()}; only then
 * is a response map made, holding what the handler returned. A run whose handler returns a
 * map and whose middleware never touches the response so builds one map, not two.
 */
final class ActionRun extends CallRun implements ActionContext, CallPipeline.Call<ActionOutcome> {
    private final Action action;
    private final Map<String, ?> raw;
    private final ActionProcessor processor;
    private final ActionMeter.Probe probe;
    private Params params = Params.empty();
    private Map<String, Object> response;
    private Map<String, ?> returned;
    /** What the handler chain returned (set on the run's thread; identity tells it from a timeout). */
    private ActionOutcome handled;

    ActionRun(Action action, Map<String, ?> raw, Session session, Rooms rooms, Cache cache, ActionProcessor processor,
              ActionMeter.Probe probe) {
        super(session, rooms, cache, 0L);
        this.action = action;
        this.raw = raw;
        this.processor = processor;
        this.probe = probe;
    }

    @Override
    public void done(ActionOutcome outcome, long startedNanos, long endedNanos) {
        if (probe != null) {
            // the same thread set handled when this outcome is the chain's; a timeout's is a new object
            probe.record(outcome.error(), startedNanos, endedNanos, outcome == handled);
        }
    }

    @Override
    public void dropped(ActionOutcome outcome) {
        if (probe != null && outcome == handled) {
            probe.handledLate(outcome.error());
        }
    }

    @Override
    public String what() {
        return "action " + action.name();
    }

    @Override
    public boolean nonBlocking() {
        return action.nonBlocking();
    }

    @Override
    public boolean async() {
        return false;
    }

    @Override
    public ActionOutcome runSync(long deadlineNanos) {
        deadline(deadlineNanos);
        try {
            params = processor.resolve(action, raw);
        } catch (TetherException e) {
            return ActionOutcome.failure(e);
        }
        handled = processor.invoke(this);
        return handled;
    }

    @Override
    public CompletionStage<ActionOutcome> startAsync(long deadlineNanos) {
        throw new UnsupportedOperationException("actions are synchronous");
    }

    @Override
    public ActionOutcome failed(TetherException error) {
        return ActionOutcome.failure(error);
    }

    @Override
    public String timeoutText(long millis) {
        return "the action " + action.name() + " timed out after " + millis + " ms";
    }

    @Override
    public Action action() {
        return action;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public Map<String, Object> response() {
        if (response == null) {
            response = new LinkedHashMap<>();
            if (returned != null) {
                response.putAll(returned);
                returned = null;
            }
        }
        return response;
    }

    /**
     * Takes a map with string keys that the handler returned: adopted as the reply while
     * nobody asked for {@link #response()}, else copied into it.
     */
    void returned(Map<String, ?> fields) {
        if (response == null && returned == null) {
            returned = fields;
        } else {
            response().putAll(fields);
        }
    }

    /** The reply fields of the run (read-only use). */
    Map<String, ?> fields() {
        return response != null ? response : returned != null ? returned : Map.of();
    }
}
