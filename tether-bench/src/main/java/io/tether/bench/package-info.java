/**
 * Performance tooling: {@link io.tether.bench.LoadGenerator} (a picocli load generator
 * for the socket protocol, JSTP and Redis PING) and, in {@code io.tether.bench.jmh},
 * JMH benchmarks of the hot paths.
 *
 * <pre>
 * ./tether mvn -q -pl tether-bench -am package -DskipTests
 * java -jar tether-bench/target/tether-bench.jar --protocol socket -p 5000 -c 50 -d 16
 * java -cp tether-bench/target/tether-bench.jar org.openjdk.jmh.Main io.tether.bench.jmh
 * </pre>
 */
package io.tether.bench;
