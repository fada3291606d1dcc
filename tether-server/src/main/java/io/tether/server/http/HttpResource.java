package io.tether.server.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Objects;

/**
 * Something the {@link HttpProtocolServer} answers plain {@code GET} and {@code HEAD} requests
 * with at a path (a page, a script), registered with {@link WebRoutes.Builder#resource}. Called
 * on the connection's event loop, so it must not block (serve bytes held in memory). The
 * listener adds {@code content-length} and {@code connection: close} and closes the connection
 * after the response; for {@code HEAD} it drops the body.
 */
@FunctionalInterface
public interface HttpResource {
    /**
     * The response to {@code request} (a {@code GET} or {@code HEAD} of this resource's path).
     *
     * @param request the request (released by the listener after this call)
     * @param alloc   the channel's allocator, for a body made per request
     */
    FullHttpResponse respond(FullHttpRequest request, ByteBufAllocator alloc);

    /** A fixed body of the given content type ({@code text/html; charset=utf-8}), answered 200. */
    static HttpResource of(String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        byte[] copy = body.clone();
        return (request, alloc) -> {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(copy));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            return r;
        };
    }
}
