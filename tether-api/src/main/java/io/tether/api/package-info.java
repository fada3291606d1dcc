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
 * each protocol maps it to its wire form.
 */
package io.tether.api;
