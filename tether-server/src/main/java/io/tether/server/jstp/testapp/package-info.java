/**
 * The JSTP test application every Tether build hosts for the acceptance suite
 * ({@code testApp} 1.0.0 and 2.0.0, login {@code user}/{@code secret}).
 *
 * <pre>{@code
 * JstpOptions options = JstpTestApp.configure(JstpOptions.defaults().toBuilder().port(4000).build());
 * TetherServer.builder(core).protocol(new JstpProtocolServer(core, options)).build().start();
 * }</pre>
 */
package io.tether.server.jstp.testapp;
