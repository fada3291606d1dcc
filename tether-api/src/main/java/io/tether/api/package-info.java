/**
 * What action authors compile against.
 *
 * <pre>{@code
 * Action cacheTest = Action.named("cacheTest")
 *         .description("Saves, loads and deletes a cache entry")
 *         .input(Input.named("key").required().formatter(Formatter.toStringValue()),
 *                Input.named("value").required().formatter(Formatter.toStringValue()))
 *         .handler(ctx -> {
 *             ctx.cache().save("k_" + ctx.params().string("key"), ctx.params().get("value"), Duration.ofSeconds(5));
 *             return Map.of("saved", true);
 *         })
 *         .build();
 * }</pre>
 *
 * Errors: throw {@link io.tether.api.TetherException} with an {@link io.tether.api.ErrorCode};
 * its message reaches the client and each protocol maps the code to its wire form. Any other
 * exception is answered {@code internal error (ref …)} and logged with the same ref.
 * Handlers see a {@link io.tether.api.CallContext} ({@link io.tether.api.ActionContext} for
 * actions, {@link io.tether.api.MethodContext} for JSTP-native methods, defined in
 * {@link io.tether.api.jstp}); the caller's session is a {@link io.tether.api.SessionHandle}.
 *
 * <p>Authentication and authorization, the same on every protocol: a session has at most one
 * {@link io.tether.api.Principal}, set at connect time by a {@link io.tether.api.ConnectionPolicy}
 * (or a transport's client certificate), by a JSTP login, or by an action through
 * {@link io.tether.api.SessionHandle#authenticate}; an action declares its
 * {@link io.tether.api.Access} ({@code authenticated()}, {@code anonymous()}); middleware reads
 * {@code context.principal()}; a {@link io.tether.api.RoomPolicy} decides room joins and says.
 */
package io.tether.api;
