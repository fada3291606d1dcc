/**
 * The transport-agnostic core one server instance owns: {@link io.tether.core.TetherCore}
 * (action registry and processor, rooms, cache, virtual-thread workers, deadline timer).
 * Every protocol adapter of a server uses the same instance.
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder()
 *         .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build())
 *         .room("defaultRoom")
 *         .build();
 * Connection c = Connection.open("socket", "127.0.0.1", 50000, message -> { });
 * ActionOutcome o = core.processor().process(c, "hello", Map.of()).join();
 * }</pre>
 */
package io.tether.core;
