/**
 * JMH benchmarks of the hot paths (mdsf, JSTP messages, socket framing/classification/
 * encoding, action dispatch). Run them from the shaded jar:
 *
 * <pre>
 * java -cp tether-bench/target/tether-bench.jar org.openjdk.jmh.Main 'io.tether.bench.jmh.*' -f 1
 * </pre>
 *
 * <p>Each fork runs on a 1 GB heap touched up front ({@code -XX:+AlwaysPreTouch}): on a VM whose
 * memory is faulted in on first use, a heap that grows during the run made early iterations up to
 * ten times slower than later ones.
 */
package io.tether.bench.jmh;
