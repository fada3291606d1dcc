/**
 * Test kit for application authors: {@link io.tether.test.TetherTestServer} runs your
 * {@link io.tether.app.TetherApplication} on free ports with both protocols and hands out ready
 * clients; {@link io.tether.test.TetherExtension} runs one per JUnit 5 test class. Add
 * {@code io.tether:tether-test} with scope {@code test}.
 *
 * <pre>{@code
 * try (TetherTestServer server = TetherTestServer.start(app -> app.action(hello).room("lobby"))) {
 *     SocketReply reply = server.socketClient().action("hello").join();
 * }
 * }</pre>
 */
package io.tether.test;
