/**
 * JSTP-native application definitions, with no Netty and no server types: an application
 * {@code name@version} ({@link io.tether.api.jstp.JstpApplication}) of interfaces
 * ({@link io.tether.api.jstp.JstpInterface}) of methods ({@link io.tether.api.jstp.JstpMethod}),
 * plus a handler of client events. Methods run like actions: blocking by default on a virtual
 * thread with a deadline, {@code nonBlocking} on the I/O thread, the same middleware and the
 * same error policy; their context is an {@link io.tether.api.MethodContext}.
 *
 * <pre>{@code
 * JstpApplication app = JstpApplication.builder("shop", "1.0.0")
 *         .iface(JstpInterface.builder("orders")
 *                 .method("place", 2, ctx -> {                 // may block: runs on a virtual thread
 *                     String id = orders.place(ctx.arg(0), ctx.number(1));
 *                     ctx.session().emit("orders", "placed", List.of(id));
 *                     return List.of(id);
 *                 })
 *                 .nonBlocking("ping", 0, ctx -> List.of("pong"))   // computes only: on the I/O thread
 *                 .method(JstpMethod.of("report", 1, ctx -> List.of(report(ctx.arg(0))))
 *                         .withTimeout(Duration.ofSeconds(5)))
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>The server can also call its clients: a JSTP session's client is a
 * {@link io.tether.api.jstp.JstpPeer} ({@code ctx.jstpPeer()} in a method, an action called over
 * JSTP or a middleware; {@link io.tether.api.jstp.JstpApplication.Builder#onClient} for every
 * session created or restored) with {@code callMethod}, {@code callMethodWithResend},
 * {@code inspectInterface}, {@code emitRemoteEvent}, {@code ping}, a per-session heartbeat and
 * {@code close}.
 */
package io.tether.api.jstp;
