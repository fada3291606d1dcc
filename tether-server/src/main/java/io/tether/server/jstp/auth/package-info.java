/**
 * Authentication of JSTP handshakes: the {@link io.tether.server.jstp.auth.JstpAuthenticator}
 * policy, the stock salted-PBKDF2 {@link io.tether.server.jstp.auth.PasswordAuthenticator}, and
 * the listener's {@link io.tether.server.jstp.auth.LoginGate}, which refuses addresses and user
 * names with too many failures ({@link io.tether.server.jstp.auth.LoginLimits}) and hashes on a
 * small bounded pool of its own, never on the executor actions run on.
 *
 * <pre>{@code
 * PasswordHash hash = PasswordHash.create("secret".toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS);
 * JstpAuthenticator auth = new PasswordAuthenticator(Map.of("user", hash));
 * auth.authenticate("login", List.of("user", "secret"));   // Optional[user]
 * }</pre>
 */
package io.tether.server.jstp.auth;
