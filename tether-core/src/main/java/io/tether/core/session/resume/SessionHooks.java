package io.tether.core.session.resume;

import java.util.List;

/**
 * The hook lists of a {@link ResumableSession} (run when it changes while detached, and once
 * when it is dropped): immutable lists the session replaces on registration (rare) and runs
 * often; an empty list costs nothing. Stateless helper.
 */
final class SessionHooks {
    private SessionHooks() {
    }

    /** {@code hooks} with {@code hook} appended. */
    static List<Runnable> with(List<Runnable> hooks, Runnable hook) {
        Runnable[] grown = hooks.toArray(new Runnable[hooks.size() + 1]);
        grown[hooks.size()] = hook;
        return List.of(grown);
    }
}
