package io.tether.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster (six nodes: three primaries with one replica each) or Sentinel set (a
 * primary, a replica and three sentinels watching master {@code mymaster}) for one test class,
 * as a JUnit 5 extension: {@code tether-redis/redis-topology.sh} starts it from the installed
 * redis-server (Debian's 7.0 in CI: {@code tether-redis/install-redis.sh}) on free local ports
 * with data under {@code target/redis-topology/}, and kills it after the class (and at JVM
 * exit). Without redis-server the class fails; it never skips. {@link #legacyCluster()} runs the
 * same cluster on Redis 6.2 (the linux-amd64 redis-server that the embedded-redis test jar
 * ships), the last version without sharded pub/sub.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisTopology SENTINEL = RedisTopology.sentinel();
 *
 * RedisOptions options = RedisOptions.builder().uri(SENTINEL.uri()).build();
 * SENTINEL.kill(SENTINEL.sentinelPrimary());   // a crash of the primary
 * }</pre>
 */
public final class RedisTopology implements BeforeAllCallback, AfterAllCallback {
    private enum Kind { CLUSTER, SENTINEL }

    /** The Redis 6.2 server inside the embedded-redis jar (linux-amd64). */
    private static final String LEGACY_SERVER = "redis-server-6.2.6-v5-linux-amd64";

    private final Kind kind;
    private final boolean legacy;
    private Path dir;
    private List<Integer> ports = List.of();
    private Thread cleanup;

    private RedisTopology(Kind kind, boolean legacy) {
        this.kind = kind;
        this.legacy = legacy;
    }

    /** A six-node Redis Cluster (three primaries, one replica each). */
    public static RedisTopology cluster() {
        return new RedisTopology(Kind.CLUSTER, false);
    }

    /**
     * A six-node Redis Cluster of Redis 6.2 servers (no sharded pub/sub): the binary the
     * embedded-redis test jar ships for linux-amd64, extracted next to the cluster's data. On
     * another platform the class fails.
     */
    public static RedisTopology legacyCluster() {
        return new RedisTopology(Kind.CLUSTER, true);
    }

    /** One primary, one replica and three sentinels (master name {@code mymaster}, quorum 2). */
    public static RedisTopology sentinel() {
        return new RedisTopology(Kind.SENTINEL, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        dir = Path.of("target", "redis-topology", name + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cleanup = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(cleanup);
        String out = script(name);
        String line = out.lines().filter(l -> l.startsWith("ports ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("redis-topology.sh printed no ports: " + out));
        ports = Arrays.stream(line.substring(6).trim().split(" ")).map(Integer::valueOf).toList();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private void stop() {
        if (dir != null) {
            try {
                script("stop");
            } catch (RuntimeException e) {
                // best effort
            }
        }
    }

    /**
     * The URI for a node: {@code redis-cluster://} with the first three nodes as seeds, or
     * {@code redis-sentinel://} with the three sentinels and {@code #mymaster}.
     */
    public String uri() {
        if (kind == Kind.CLUSTER) {
            return "redis-cluster://" + join(ports.subList(0, 3));
        }
        return "redis-sentinel://" + join(sentinelPorts()) + "#mymaster";
    }

    /** All ports: cluster nodes, or primary, replica and the three sentinels (as started). */
    public List<Integer> ports() {
        return ports;
    }

    /** The sentinels' ports. */
    public List<Integer> sentinelPorts() {
        return ports.subList(2, 5);
    }

    /** Kills a server like a crash (SIGKILL, by its pid file); returns when the process is gone. */
    public void kill(int port) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(port + "/redis.pid")).trim());
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port of the primary the sentinels name now (first sentinel that answers). */
    public int sentinelPrimary() {
        for (int sentinel : sentinelPorts()) {
            List<String> reply = cli(sentinel, "sentinel", "get-master-addr-by-name", "mymaster").lines().toList();
            if (reply.size() == 2 && reply.get(1).matches("\\d+")) {
                return Integer.parseInt(reply.get(1));
            }
        }
        throw new IllegalStateException("no sentinel named a primary");
    }

    /** The port of the primary serving {@code slot}, as the first live cluster node sees it (CLUSTER NODES). */
    public int clusterPrimaryOf(int slot) {
        for (int node : ports) {
            String nodes = cli(node, "cluster", "nodes");
            for (String line : nodes.split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
                    continue;
                }
                for (int i = 8; i < f.length; i++) {
                    if (f[i].startsWith("[")) {
                        continue; // a slot being migrated
                    }
                    String[] range = f[i].split("-");
                    int from = Integer.parseInt(range[0]);
                    int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
                    }
                }
            }
        }
        throw new IllegalStateException("no live node knows a primary of slot " + slot);
    }

    /** Runs {@code redis-cli -p port args...} and returns its output ("" if the server is down). */
    public String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return run(command, false);
    }

    private String script(String command) {
        Map<String, String> env = legacy ? Map.of("REDIS_SERVER", legacyServer().toString()) : Map.of();
        return run(List.of("bash", script().toString(), command, dir.toString()), env, true);
    }

    /** Extracts the Redis 6.2 server from the embedded-redis jar into the topology's directory (once). */
    private Path legacyServer() {
        Path server = dir.resolve(LEGACY_SERVER);
        if (Files.isExecutable(server)) {
            return server;
        }
        try (InputStream in = RedisTopology.class.getClassLoader().getResourceAsStream(LEGACY_SERVER)) {
            if (in == null) {
                throw new IllegalStateException(LEGACY_SERVER + " not on the class path (the embedded-redis jar)");
            }
            Files.copy(in, server);
            if (!server.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + server + " executable");
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command, boolean mustSucceed) {
        return run(command, Map.of(), mustSucceed);
    }

    private static String run(List<String> command, Map<String, String> env, boolean mustSucceed) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            String out;
            try (var in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            boolean done = p.waitFor(3, TimeUnit.MINUTES);
            if (mustSucceed && (!done || p.exitValue() != 0)) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out
                        + " (is redis-server installed? tether-redis/install-redis.sh)");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0)
                    + " (is redis-server installed? tether-redis/install-redis.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code tether-redis/redis-topology.sh}, found from the working directory (a module or the root) upwards. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("tether-redis/redis-topology.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tether-redis/redis-topology.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static String join(List<Integer> list) {
        return list.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }
}
