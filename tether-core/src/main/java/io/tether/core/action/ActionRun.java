package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.Cache;
import io.tether.api.Params;
import io.tether.api.Rooms;
import io.tether.core.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ActionContext} of one run.
 *
 * <p>The reply fields: a map the handler returns is taken as the reply as it is (the
 * handler hands it over) until someone asks for the mutable {@link #response()}; only then
 * is a response map made, holding what the handler returned. A run whose handler returns a
 * map and whose middleware never touches the response so builds one map, not two.
 */
final class ActionRun extends CallRun implements ActionContext {
    private final Action action;
    private final Params params;
    private Map<String, Object> response;
    private Map<String, ?> returned;

    ActionRun(Action action, Params params, Session session, Rooms rooms, Cache cache, long deadlineNanos) {
        super(session, rooms, cache, deadlineNanos);
        this.action = action;
        this.params = params;
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
