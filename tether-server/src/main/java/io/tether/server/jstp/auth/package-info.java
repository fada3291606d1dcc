/**
 * Authentication of JSTP handshakes: the {@link io.tether.server.jstp.auth.JstpAuthenticator}
 * policy and the stock salted-PBKDF2 {@link io.tether.server.jstp.auth.PasswordAuthenticator}.
 *
 * <pre>{@code
 * PasswordHash hash = PasswordHash.create("secret".toCharArray(), 210_000);
 * JstpAuthenticator auth = new PasswordAuthenticator(Map.of("user", hash));
 * auth.authenticate("login", List.of("user", "secret"));   // Optional[user]
 * }</pre>
 */
package io.tether.server.jstp.auth;
