/**
 * The load generator's engine: per-protocol {@link io.tether.bench.load.Dialect}s, the
 * per-connection pipelining handler, counters and {@code /proc} sampling.
 *
 * <pre>{@code
 * LoadOptions o = LoadOptions.defaults().toBuilder().port(5000).connections(50).depth(16).build();
 * LoadResult r = new LoadRun(o).run();
 * System.out.println(r.toTable());
 * System.out.println(r.toJson());
 * }</pre>
 */
package io.tether.bench.load;
