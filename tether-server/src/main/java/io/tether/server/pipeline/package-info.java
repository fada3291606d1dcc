/**
 * The pipeline shared by every protocol listener: {@link io.tether.server.pipeline.ProtocolPipeline}
 * assembles connection admission, TLS, the idle timeout, the protocol's framing and decoder, the
 * coalescing encoder with flush consolidation, and the protocol's connection handler, so a
 * transport adapter states only its framing, decoder, wire writer and handler.
 *
 * <pre>{@code
 * ProtocolPipeline pipeline = ProtocolPipeline.builder(guard, channels)
 *         .tls(TlsContextProvider.create(name, tlsOptions)) // null: plain TCP
 *         .framing(() -> SocketFraming.newFrameDecoder("\n", 1 << 20))
 *         .decoder(lineDecoder)                      // @Sharable
 *         .encoder(new SocketWireWriter())           // shared WireWriter
 *         .handler(() -> new MyConnectionHandler(services))
 *         .build();
 * }</pre>
 */
package io.tether.server.pipeline;
