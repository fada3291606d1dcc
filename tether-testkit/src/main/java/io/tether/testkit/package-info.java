/**
 * Test support shared by the modules' tests: {@link io.tether.testkit.LineClient}, a
 * blocking client for the socket line protocol, {@link io.tether.testkit.TestCertificates} and
 * {@link io.tether.testkit.TestPki} (a CA issuing server and client certificates, encrypted keys),
 * throw-away TLS material.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.generate(tempDir);
 * try (LineClient c = LineClient.connectTls("127.0.0.1", port, certs.trustStore())) {
 *     c.readMap(Duration.ofSeconds(2)); // welcome
 * }
 * }</pre>
 */
package io.tether.testkit;
