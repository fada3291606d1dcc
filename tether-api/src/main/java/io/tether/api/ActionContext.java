package io.tether.api;

import java.time.Instant;
import java.util.Map;

/** Everything an action run can see and touch. One instance per run; not shared. */
public interface ActionContext {
    /** The action being run. */
    Action action();

    /** The validated params. */
    Params params();

    /** The calling connection. */
    ConnectionInfo connection();

    /**
     * The reply being built, insertion ordered and mutable. Fields put here stay in the reply
     * even when the action fails afterwards.
     */
    Map<String, Object> response();

    /** The room service. */
    Rooms rooms();

    /** The cache. */
    Cache cache();

    /** When this run's deadline expires. */
    Instant deadline();
}
