package io.tether.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster (six nodes: three primaries with one replica each) or a Sentinel set (a
 * primary, a replica and three sentinels, master name {@code mymaster}) started by
 * {@code tether-redis/redis-topology.sh} from Debian's redis-server for one test class, with
 * data in {@code target/redis-topology/}, and killed after the class (and at JVM exit).
 * Fails, never skips, when redis-server is missing ({@code tether-redis/install-redis.sh}).
 */
final class RedisTopology implements BeforeAllCallback, AfterAllCallback {
    /** What to start. */
    enum Kind { CLUSTER, SENTINEL }

    private static final Path SCRIPT = Path.of("redis-topology.sh").toAbsolutePath();

    private final Kind kind;
    private Path dir;
    private List<Integer> ports = List.of();
    private Thread cleanup;

    private RedisTopology(Kind kind) {
        this.kind = kind;
    }

    static RedisTopology cluster() {
        return new RedisTopology(Kind.CLUSTER);
    }

    static RedisTopology sentinel() {
        return new RedisTopology(Kind.SENTINEL);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Path.of("target", "redis-topology", kind.name().toLowerCase() + "-" + UUID.randomUUID().toString()
                .substring(0, 8)).toAbsolutePath();
        Files.createDirectories(dir);
        cleanup = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(cleanup);
        String out = run(kind.name().toLowerCase());
        String line = out.lines().filter(l -> l.startsWith("ports ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("redis-topology.sh printed no ports: " + out));
        ports = Arrays.stream(line.substring(6).trim().split(" ")).map(Integer::valueOf).toList();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook runs anyway
            }
        }
    }

    private void stop() {
        if (dir != null) {
            try {
                run("stop");
            } catch (Exception e) {
                // best effort at exit
            }
        }
    }

    private String run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), command, dir.toString())
                .redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("redis-topology.sh " + command + " failed: " + out
                    + " (is redis-server installed? tether-redis/install-redis.sh)");
        }
        return out;
    }

    /**
     * The URI a node is given: {@code redis-cluster://} with the first three nodes as seeds, or
     * {@code redis-sentinel://} with the three sentinels.
     */
    String uri() {
        if (kind == Kind.CLUSTER) {
            return "redis-cluster://" + ports.subList(0, 3).stream().map(p -> "127.0.0.1:" + p)
                    .collect(Collectors.joining(","));
        }
        return "redis-sentinel://" + sentinelPorts().stream().map(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(",")) + "#mymaster";
    }

    List<Integer> ports() {
        return ports;
    }

    List<Integer> sentinelPorts() {
        return ports.subList(2, 5);
    }

    /** Kills a server like a crash (SIGKILL by its pid file); returns when the process is gone. */
    void kill(int port) throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve(port + "/redis.pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The port of the primary the sentinels name now. */
    int sentinelPrimary() {
        for (int sentinel : sentinelPorts()) {
            RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", sentinel));
            try (var c = client.connectSentinel()) {
                java.net.SocketAddress a = c.sync().getMasterAddrByName("mymaster");
                return ((InetSocketAddress) a).getPort();
            } catch (RuntimeException e) {
                // try the next sentinel
            } finally {
                client.shutdown();
            }
        }
        throw new IllegalStateException("no sentinel answered");
    }

    /** The port of the primary serving {@code slot}, as the live node at {@code askPort} sees it (CLUSTER NODES). */
    int clusterPrimaryOf(int slot, int askPort) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", askPort));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            for (String line : c.sync().clusterNodes().split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
                    continue;
                }
                for (int i = 8; i < f.length; i++) {
                    String[] range = f[i].split("-");
                    if (range[0].startsWith("[")) {
                        continue;
                    }
                    int from = Integer.parseInt(range[0]);
                    int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
                    }
                }
            }
        } finally {
            client.shutdown();
        }
        throw new IllegalStateException("no primary serves slot " + slot);
    }

    /** Ports of the servers still running. */
    List<Integer> alive() {
        List<Integer> up = new ArrayList<>();
        for (int p : ports) {
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve(p + "/redis.pid")).trim());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    up.add(p);
                }
            } catch (IOException | NumberFormatException e) {
                // gone
            }
        }
        return up;
    }
}
