/**
 * TLS for every listener (socket, JSTP, and any later one), in one shape:
 * {@link io.tether.server.tls.TlsOptions} (the server key as PEM, optionally encrypted, or
 * PKCS#12; client certificates {@link io.tether.server.tls.ClientAuth none, optional or
 * required} with a trusted CA bundle; the {@link io.tether.server.tls.ClientPrincipal name} that
 * becomes the session's principal; protocol versions and cipher suites; the reload check
 * interval), one {@link io.tether.server.tls.TlsContextProvider} per listener that holds the
 * current Netty context and reloads it (file watch, or
 * {@link io.tether.server.TetherServer#reloadTls()} on SIGHUP) without touching established
 * connections, and {@link io.tether.server.tls.TlsPeer}, which turns a verified client
 * certificate into a {@link io.tether.api.Principal}. Contexts are made by
 * {@link io.tether.server.tls.TlsContextFactory} with Netty's {@code SslContextBuilder}
 * (BoringSSL where the native library loads, else the JDK); every mistake fails at startup with
 * a message naming the file or setting.
 *
 * <pre>{@code
 * TlsOptions mtls = TlsOptions.pem(Path.of("server.pem"), Path.of("server.key")).toBuilder()
 *         .clientAuth(ClientAuth.REQUIRED).trustedCertificates(Path.of("clients-ca.pem"))
 *         .protocols(List.of("TLSv1.3"))
 *         .build();
 * SocketOptions secure = SocketOptions.defaults().toBuilder().tls(mtls).build();
 * // an action then sees ctx.session().principal() = the client certificate's CN
 * }</pre>
 *
 * A listener of another protocol reuses all of it: it makes its provider with
 * {@code TlsContextProvider.create(name, options.tls())}, starts its watch with
 * {@code provider.watch(core.timer(), core.workers())}, passes it to its
 * {@link io.tether.server.pipeline.ProtocolPipeline} (or adds {@code provider.current().newHandler(...)}
 * to its own pipeline), returns it from {@link io.tether.server.ProtocolServer#tls()}, closes it in
 * {@code shutdown()}, and after an {@link io.netty.handler.ssl.SslHandshakeCompletionEvent} sets
 * {@code TlsPeer.principal(channel, options.tls().clientPrincipal())} on its session.
 */
package io.tether.server.tls;
