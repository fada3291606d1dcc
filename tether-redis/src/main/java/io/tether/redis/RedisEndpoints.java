package io.tether.redis;

import io.lettuce.core.RedisURI;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the configured URI and mode into Lettuce's {@link RedisURI}s: one URI for a standalone
 * server or a Sentinel set (Lettuce parses {@code redis-sentinel://} itself), one per seed node
 * for a Redis Cluster ({@code redis-cluster://[user:password@]h1:p1,h2:p2[?options]}, each seed
 * becoming {@code redis://[user:password@]h:p[?options]}).
 */
final class RedisEndpoints {
    static final String CLUSTER_SCHEME = "redis-cluster";
    static final String CLUSTER_TLS_SCHEME = "rediss-cluster";

    private RedisEndpoints() {
    }

    /** The mode the URI's scheme names. */
    static RedisMode inferMode(String uri) {
        String scheme = scheme(uri);
        return switch (scheme) {
            case CLUSTER_SCHEME, CLUSTER_TLS_SCHEME -> RedisMode.CLUSTER;
            case "redis-sentinel", "rediss-sentinel" -> RedisMode.SENTINEL;
            default -> RedisMode.STANDALONE;
        };
    }

    /** Checks that the URI fits the mode; null if it does, else the problem. */
    static String mismatch(String uri, RedisMode mode) {
        RedisMode named = inferMode(uri);
        if (named == mode) {
            return null;
        }
        // a plain redis:// URI may name one seed of a cluster
        if (mode == RedisMode.CLUSTER && named == RedisMode.STANDALONE) {
            return null;
        }
        return "mode " + mode.name().toLowerCase(Locale.ROOT) + " does not fit a " + scheme(uri) + ":// URI";
    }

    /** The Lettuce URIs: one (standalone, sentinel) or one per seed node (cluster). */
    static List<RedisURI> lettuceUris(String uri, RedisMode mode, Duration timeout, String redacted) {
        try {
            List<RedisURI> uris = new ArrayList<>();
            if (mode == RedisMode.CLUSTER) {
                for (String seed : seeds(uri)) {
                    uris.add(RedisURI.create(seed));
                }
            } else {
                uris.add(RedisURI.create(uri));
            }
            for (RedisURI u : uris) {
                u.setTimeout(timeout);
            }
            return uris;
        } catch (IllegalArgumentException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "redis: invalid uri " + redacted, e);
        }
    }

    /** The seed URIs of a cluster URI (a plain redis:// or rediss:// URI is its own single seed). */
    static List<String> seeds(String uri) {
        String scheme = scheme(uri);
        String plain = switch (scheme) {
            case CLUSTER_SCHEME -> "redis";
            case CLUSTER_TLS_SCHEME -> "rediss";
            default -> scheme;
        };
        String rest = uri.substring(scheme.length() + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        if (tail.startsWith("/")) {
            // a cluster has database 0 only: drop a path, keep the query
            int q = tail.indexOf('?');
            tail = q < 0 ? "" : tail.substring(q);
        }
        int at = authority.lastIndexOf('@');
        String credentials = at < 0 ? "" : authority.substring(0, at + 1);
        String hosts = authority.substring(at + 1);
        List<String> seeds = new ArrayList<>();
        for (String host : hosts.split(",")) {
            if (!host.isBlank()) {
                seeds.add(plain + "://" + credentials + host.strip() + tail);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed node");
        }
        return seeds;
    }

    private static String scheme(String uri) {
        int i = uri.indexOf("://");
        if (i <= 0) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                    "redis: the uri needs a scheme (redis://, rediss://, redis-sentinel://, redis-cluster://)");
        }
        return uri.substring(0, i).toLowerCase(Locale.ROOT);
    }
}
