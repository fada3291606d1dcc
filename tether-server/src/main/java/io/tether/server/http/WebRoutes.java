package io.tether.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The route table of an {@link HttpProtocolServer}: which path upgrades to which
 * {@link WebSocketEndpoint} and which path answers with which {@link HttpResource}. A path
 * matches a request's path (the query string is ignored) exactly; a path ending in {@code /*}
 * matches every path below it as well as the path itself ({@code /demo/*} matches
 * {@code /demo}, {@code /demo/} and {@code /demo/app.js}); the longest match wins, an exact
 * one before a prefix, among the routes that serve the request (an endpoint for an upgrade, a
 * resource for a GET). One path may have both an endpoint and a resource. Immutable.
 */
public final class WebRoutes {
    private final List<Route> routes;
    private final List<WebSocketEndpoint> endpoints;

    private WebRoutes(Builder b) {
        List<Route> list = new ArrayList<>();
        for (Route r : b.routes.values()) {
            Route copy = new Route(r.pattern);
            copy.endpoint = r.endpoint;
            copy.resource = r.resource;
            copy.askPolicy = r.askPolicy;
            list.add(copy); // the builder may go on changing its own
        }
        list.sort(Comparator.comparingInt((Route r) -> r.base.length()).reversed()
                .thenComparing(r -> r.prefix)); // exact before prefix
        this.routes = List.copyOf(list);
        this.endpoints = list.stream().map(r -> r.endpoint).filter(Objects::nonNull).distinct().toList();
    }

    /** A builder of an empty table. */
    public static Builder builder() {
        return new Builder();
    }

    /** A table without routes (every request gets 404). */
    public static WebRoutes empty() {
        return builder().build();
    }

    /** The registered paths, for logs. */
    public List<String> paths() {
        return routes.stream().map(r -> r.pattern).toList();
    }

    /** The distinct WebSocket endpoints, in route order (for the listener's shutdown). */
    List<WebSocketEndpoint> endpoints() {
        return endpoints;
    }

    /** The best route for a request path (longest, exact before prefix), or null. */
    Route match(String path) {
        for (Route r : routes) {
            if (r.matches(path)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The best route for a request path that has an endpoint ({@code upgrade}) or a resource;
     * else the best route at all (it answers 426 or 404); null when no route matches.
     */
    Route match(String path, boolean upgrade) {
        Route any = null;
        for (Route r : routes) {
            if (r.matches(path)) {
                if (upgrade ? r.endpoint != null : r.resource != null) {
                    return r;
                }
                if (any == null) {
                    any = r;
                }
            }
        }
        return any;
    }

    @Override
    public String toString() {
        return "WebRoutes" + paths();
    }

    /** One path's endpoint and resource (either may be null). */
    static final class Route {
        final String pattern;
        final String base;
        final boolean prefix;
        WebSocketEndpoint endpoint;
        HttpResource resource;
        boolean askPolicy; // the resource is answered only to requests the connection policy admits

        Route(String pattern) {
            this.pattern = pattern;
            this.prefix = pattern.endsWith("/*");
            this.base = prefix ? pattern.substring(0, pattern.length() - 2) : pattern;
        }

        boolean matches(String path) {
            if (!prefix) {
                return path.equals(base);
            }
            return path.equals(base) || (path.startsWith(base) && path.charAt(base.length()) == '/')
                    || (base.isEmpty() && path.startsWith("/"));
        }
    }

    /** Builder of {@link WebRoutes}. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Upgrades requests for {@code path} (see the class comment for patterns) to {@code endpoint}. */
        public Builder webSocket(String path, WebSocketEndpoint endpoint) {
            Route r = route(path);
            if (r.endpoint != null) {
                throw new IllegalArgumentException("a WebSocket endpoint is already registered at " + path);
            }
            r.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** Answers plain GET and HEAD requests for {@code path} with {@code resource}. */
        public Builder resource(String path, HttpResource resource) {
            Route r = route(path);
            if (r.resource != null) {
                throw new IllegalArgumentException("a resource is already registered at " + path);
            }
            r.resource = Objects.requireNonNull(resource, "resource");
            return this;
        }

        /**
         * Like {@link #resource}, but for data the application would not give every client: each
         * request is first decided by the core's {@link io.tether.api.ConnectionPolicy} (a
         * {@link io.tether.api.ConnectAttempt} of type {@code http} with the request's remote
         * address and its TLS client certificate's principal, like a WebSocket client's), and a
         * refused one is answered 403 with {@code {"error":"<reason>"}} and counted as
         * {@code connection_policy}. Without a policy it is a plain {@link #resource}.
         */
        public Builder policyResource(String path, HttpResource resource) {
            resource(path, resource);
            route(path).askPolicy = true;
            return this;
        }

        private Route route(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
                throw new IllegalArgumentException("a route path starts with / and has no query: " + path);
            }
            return routes.computeIfAbsent(path, Route::new);
        }

        /** The table. */
        public WebRoutes build() {
            return new WebRoutes(this);
        }
    }
}
