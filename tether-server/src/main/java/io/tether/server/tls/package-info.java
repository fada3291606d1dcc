/**
 * TLS settings of a listener ({@link io.tether.server.tls.TlsOptions}: PEM certificate chain and
 * key, or PKCS#12) and the factory of Netty server contexts, which fails at startup with a
 * message naming the unreadable file.
 *
 * <pre>{@code
 * SocketOptions secure = SocketOptions.defaults().toBuilder()
 *         .tls(TlsOptions.pem(Path.of("cert.pem"), Path.of("key.pem"))).build();
 * }</pre>
 */
package io.tether.server.tls;
