/**
 * The action pipeline shared by both protocols: {@link io.tether.core.action.ActionRegistry}
 * (actions by name and version, the socket protocol's param whitelist),
 * {@link io.tether.core.action.ActionProcessor} (counters, shutdown and pending-limit checks,
 * lookup, {@link io.tether.core.action.InputResolver} for defaults/formatters/validators,
 * middleware, handler on a virtual thread with a deadline) and its
 * {@link io.tether.core.action.ActionOutcome}.
 *
 * <pre>{@code
 * core.processor().process(connection, "cacheTest", Map.of("key", "abc", "value", "def"))
 *     .thenAccept(o -> System.out.println(o.ok() ? o.fields() : o.error().getMessage()));
 * }</pre>
 */
package io.tether.core.action;
