/**
 * JSTP-native applications: {@code name@version} with interfaces of methods, and the
 * registry that selects a version by npm semver range.
 *
 * <pre>{@code
 * JstpApplication app = JstpApplication.builder("testApp", "1.0.0")
 *         .iface(JstpInterface.builder("calculator")
 *                 .sync("divide", 2, ctx -> {
 *                     if (ctx.number(1) == 0) throw new JstpRemoteError(1, "Zero division");
 *                     return List.of(ctx.number(0) / ctx.number(1));
 *                 })
 *                 .method(JstpMethod.async("later", 1, ctx -> slowFuture(ctx.arg(0))))
 *                 .build())
 *         .build();
 * new JstpApplicationRegistry(List.of(app)).select("testApp", "^1.0.0");  // Optional[testApp@1.0.0]
 * }</pre>
 */
package io.tether.server.jstp.app;
