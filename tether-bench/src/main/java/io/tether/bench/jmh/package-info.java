/**
 * JMH benchmarks of the hot paths (mdsf, JSTP messages, socket framing/classification/
 * encoding, action dispatch). Run them from the shaded jar:
 *
 * <pre>
 * java -cp tether-bench/target/tether-bench.jar org.openjdk.jmh.Main 'io.tether.bench.jmh.*' -f 1
 * </pre>
 */
package io.tether.bench.jmh;
