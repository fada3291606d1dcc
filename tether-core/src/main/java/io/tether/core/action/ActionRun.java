package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.Cache;
import io.tether.api.ConnectionInfo;
import io.tether.api.Params;
import io.tether.api.Rooms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ActionContext} of one run. The deadline is kept on the monotonic clock
 * ({@link System#nanoTime()}) and turned into an {@link Instant} only when asked for.
 */
record ActionRun(Action action, Params params, ConnectionInfo connection, Map<String, Object> response,
                 Rooms rooms, Cache cache, long deadlineNanos) implements ActionContext {

    static ActionRun of(Action action, Params params, ConnectionInfo connection, Rooms rooms, Cache cache,
                        long deadlineNanos) {
        return new ActionRun(action, params, connection, new LinkedHashMap<>(), rooms, cache, deadlineNanos);
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusNanos(deadlineNanos - System.nanoTime());
    }
}
