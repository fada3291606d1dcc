/**
 * Servers used only for benchmarking: {@link io.tether.bench.server.JstpBenchServer}
 * hosts the JSTP echo application the comparison needs.
 */
package io.tether.bench.server;
