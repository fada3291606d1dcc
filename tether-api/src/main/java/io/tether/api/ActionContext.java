package io.tether.api;

import java.util.Map;

/** The context of an action run: the {@link CallContext} plus the action, its params and the reply. */
public interface ActionContext extends CallContext {
    /** The action being run. */
    Action action();

    /** The validated params. */
    Params params();

    /**
     * The reply being built, insertion ordered and mutable. Fields put here stay in the reply
     * even when the action fails afterwards.
     */
    Map<String, Object> response();

    /** The action's name. */
    @Override
    default String name() {
        return action().name();
    }
}
