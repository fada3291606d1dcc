/**
 * The handler pipeline shared by every protocol and by both handler kinds, actions and
 * JSTP-native methods: {@link io.tether.core.action.ActionRegistry} (actions by name and
 * version, the socket protocol's param whitelist), {@link io.tether.core.action.ActionProcessor}
 * (admission: shutdown and, for actions, the per-session pending limit; lookup and
 * {@link io.tether.core.action.InputResolver} for defaults/formatters/validators; the one
 * middleware chain; the handler on a virtual thread with a deadline, or inline for
 * {@code nonBlocking()} handlers) with its outcomes ({@link io.tether.core.action.ActionOutcome},
 * {@link io.tether.core.action.MethodOutcome}), and the {@link io.tether.core.action.ErrorPolicy}:
 * a {@code TetherException}'s message reaches the client, anything else answers
 * {@code internal error (ref …)} and is logged with that ref.
 *
 * <pre>{@code
 * core.processor().process(session, "cacheTest", Map.of("key", "abc", "value", "def"))
 *     .thenAccept(o -> System.out.println(o.ok() ? o.fields() : o.error().getMessage()));
 * core.processor().call(session, JstpMethod.of("add", 2, ctx -> List.of(ctx.number(0) + ctx.number(1))),
 *         new MethodCall("calc", "add", List.of(1, 2), transport::abort))
 *     .thenAccept(o -> System.out.println(o.ok() ? o.results() : o.error().getMessage()));
 * }</pre>
 */
package io.tether.core.action;
