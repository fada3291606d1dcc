package io.tether.app.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Answers {@code GET /health} (200 {@code ready} or 503 {@code not ready}) and
 * {@code GET /metrics} (Prometheus text). The work runs on the server's workers, never on
 * the event loop (readiness and gauges may ask Redis). One request per connection. A request
 * the decoder gave up on is answered 431 (headers too large), 414 (request line too long) or
 * 400, never routed.
 */
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final TetherMetrics metrics;
    private final BooleanSupplier ready;
    private final ExecutorService workers;
    private final Refusals refusals;

    AdminHttpHandler(TetherMetrics metrics, BooleanSupplier ready, ExecutorService workers, Refusals refusals) {
        this.metrics = metrics;
        this.ready = ready;
        this.workers = workers;
        this.refusals = refusals;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            rejectMalformed(ctx, request.decoderResult().cause());
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            send(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET\n", "text/plain");
            return;
        }
        switch (path) {
            case "/health", "/health/ready" -> CompletableFuture.supplyAsync(ready::getAsBoolean, workers)
                    .whenComplete((ok, e) -> send(ctx, Boolean.TRUE.equals(ok) ? HttpResponseStatus.OK
                                    : HttpResponseStatus.SERVICE_UNAVAILABLE,
                            Boolean.TRUE.equals(ok) ? "ready\n" : "not ready\n", "text/plain"));
            // answered by the event loop itself: the process runs and its I/O threads are not stuck
            case "/health/live" -> send(ctx, HttpResponseStatus.OK, "live\n", "text/plain");
            case "/metrics" -> CompletableFuture.supplyAsync(metrics::scrape, workers).whenComplete((text, e) -> {
                if (e != null) {
                    send(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "metrics unavailable\n", "text/plain");
                } else {
                    send(ctx, HttpResponseStatus.OK, text, "text/plain; version=0.0.4; charset=utf-8");
                }
            });
            default -> send(ctx, HttpResponseStatus.NOT_FOUND, "try /health/live, /health/ready, /health or /metrics\n", "text/plain");
        }
    }

    /** The decoder gave up on the request (too long, malformed): answer why and close. */
    private void rejectMalformed(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongHttpLineException) {
            refusals.count(Refusal.MESSAGE_TOO_LARGE);
        }
        if (cause instanceof TooLongHttpHeaderException) {
            send(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large\n", "text/plain");
        } else if (cause instanceof TooLongHttpLineException) {
            send(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long\n", "text/plain");
        } else {
            send(ctx, HttpResponseStatus.BAD_REQUEST, "bad request\n", "text/plain");
        }
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String body, String type) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
