package io.tether.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a WebSocket: a request without {@code Origin} (not a browser:
 * browsers always send it) is allowed; so is an origin whose host and port are the request's
 * {@code Host} (same origin), one listed in {@link HttpOptions#allowedOrigins()}, and any when
 * the list holds {@code *}. Comparison ignores case and a default port. Immutable, thread-safe.
 */
final class OriginPolicy {
    private final Set<String> allowed;
    private final boolean any;

    OriginPolicy(List<String> allowedOrigins) {
        this.any = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream().filter(o -> !o.equals("*")).map(OriginPolicy::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(HttpHeaders headers, boolean secure) {
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        if (any) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        String host = headers.get(HttpHeaderNames.HOST);
        if (host == null) {
            return false;
        }
        String self = normalize((secure ? "https://" : "http://") + host);
        return normalized.equals(self);
    }

    /** {@code scheme://host:port} in lower case with the scheme's default port spelled out; the input if unparseable. */
    static String normalize(String origin) {
        try {
            URI u = new URI(origin.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            int port = u.getPort() >= 0 ? u.getPort()
                    : switch (scheme) {
                        case "https", "wss" -> 443;
                        case "http", "ws" -> 80;
                        default -> -1;
                    };
            return scheme + "://" + host + ":" + port;
        } catch (Exception e) {
            return origin.trim().toLowerCase(Locale.ROOT);
        }
    }
}
