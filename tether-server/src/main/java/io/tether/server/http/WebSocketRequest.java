package io.tether.server.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accepted upgrade request a {@link WebSocketEndpoint} sets a connection up for: its URI,
 * path and query, headers (a copy), the selected subprotocol and the listener's options.
 */
public final class WebSocketRequest {
    private final String uri;
    private final HttpHeaders headers;
    private final String subprotocol;
    private final HttpOptions options;
    private final boolean secure;

    WebSocketRequest(String uri, HttpHeaders headers, String subprotocol, HttpOptions options, boolean secure) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = headers.copy();
        this.subprotocol = subprotocol;
        this.options = options;
        this.secure = secure;
    }

    /** The request URI as sent ({@code /primus/?_primuscb=x}). */
    public String uri() {
        return uri;
    }

    /** The URI's path, undecoded. */
    public String path() {
        return new QueryStringDecoder(uri).rawPath();
    }

    /** The query parameters, decoded. */
    public Map<String, List<String>> query() {
        return new QueryStringDecoder(uri).parameters();
    }

    /** The request headers (a copy). */
    public HttpHeaders headers() {
        return headers;
    }

    /** The subprotocol the handshake selects, or {@code null} when the endpoint has none. */
    public String subprotocol() {
        return subprotocol;
    }

    /** Whether the connection is over TLS ({@code wss:}). */
    public boolean secure() {
        return secure;
    }

    /** The options of the listener (caps, {@link HttpOptions#maxOutboundBytes()}). */
    public HttpOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "WebSocketRequest[" + uri + (subprotocol == null ? "" : ", " + subprotocol) + "]";
    }
}
