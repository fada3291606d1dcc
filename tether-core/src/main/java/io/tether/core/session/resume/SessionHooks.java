package io.tether.core.session.resume;

import java.util.List;

/**
 * The hooks registered on one {@link ResumableSession}: run when it changes while detached and
 * once when it is dropped. Immutable lists replaced on registration (registration is rare, the
 * runs are not); empty lists cost nothing. Not thread-safe: the session's lock guards it.
 */
final class SessionHooks {
    private List<Runnable> dropHooks = List.of();
    private List<Runnable> offlineHooks = List.of();

    void onDrop(Runnable hook) {
        dropHooks = with(dropHooks, hook);
    }

    void onOfflineChange(Runnable hook) {
        offlineHooks = with(offlineHooks, hook);
    }

    void dropped() {
        dropHooks.forEach(Runnable::run);
    }

    void offlineChanged() {
        offlineHooks.forEach(Runnable::run);
    }

    private static List<Runnable> with(List<Runnable> hooks, Runnable hook) {
        Runnable[] grown = hooks.toArray(new Runnable[hooks.size() + 1]);
        grown[hooks.size()] = hook;
        return List.of(grown);
    }
}
