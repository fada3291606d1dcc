/**
 * Bounds that protect a server from its clients: the {@link io.tether.core.limits.Refusal}
 * reasons and their {@link io.tether.core.limits.Refusals} counters, owned by the core, and the
 * request rate limits ({@link io.tether.core.limits.RateLimits} applied by the
 * {@link io.tether.core.limits.RequestLimiter}; {@link io.tether.core.limits.AddressBuckets} for
 * per-address token buckets such as the JSTP handshake limit).
 *
 * <pre>{@code
 * core.refusals().count(Refusal.SLOW_CONSUMER);
 * long cut = core.refusals().get(Refusal.SLOW_CONSUMER);
 * }</pre>
 */
package io.tether.core.limits;
