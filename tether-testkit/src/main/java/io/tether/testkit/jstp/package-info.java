/**
 * The JSTP test application the acceptance suites call ({@code testApp} 1.0.0 and 2.0.0,
 * login {@code user}/{@code secret}), written on the api types only, so it is not part of
 * the server's main code. The demo (tether-demo) hosts it with {@code --demo jstp-test}.
 *
 * <pre>{@code
 * JstpOptions.Builder b = JstpOptions.defaults().toBuilder().port(4000)
 *         .authenticator(new PasswordAuthenticator(Map.of(JstpTestApp.USER,
 *                 PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS))));
 * JstpTestApp.applications().forEach(b::application);
 * }</pre>
 */
package io.tether.testkit.jstp;
