package io.tether.demo;

import io.tether.api.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo action {@code status}: server id, versions (the ActionHero protocol release and Tether's), uptime, heap in use and a health verdict
 * ({@code "Node Healthy"}, or {@code "Node Unhealthy"} with the reasons in {@code problems}).
 */
public final class StatusAction {
    /**
     * The ActionHero release whose socket protocol Tether speaks, reported as
     * {@code actionheroVersion} because ActionHero monitoring reads that field.
     */
    static final String ACTIONHERO_VERSION = "29.3.5";
    /** Heap use above this fraction of the maximum heap makes the node unhealthy. */
    static final double HEAP_LIMIT = 0.9;

    private StatusAction() {
    }

    /** The action definition for this server. */
    public static Action create(ServerIdentity server) {
        return Action.named("status")
                .description("Reports the health of this server")
                .handler(ctx -> reply(server, Runtime.getRuntime()))
                .build();
    }

    static Map<String, Object> reply(ServerIdentity server, Runtime runtime) {
        long used = runtime.totalMemory() - runtime.freeMemory();
        List<String> problems = new ArrayList<>();
        if (used > runtime.maxMemory() * HEAP_LIMIT) {
            problems.add("Using more than " + Math.round(HEAP_LIMIT * 100) + "% of the maximum heap");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", server.id());
        out.put("actionheroVersion", ACTIONHERO_VERSION);
        out.put("tetherVersion", server.tetherVersion());
        out.put("name", server.name());
        out.put("description", server.description());
        out.put("version", server.version());
        out.put("uptime", System.currentTimeMillis() - server.startedAt());
        out.put("consumedMemoryMB", Math.round(used / 1024.0 / 1024.0 * 100) / 100.0);
        out.put("nodeStatus", problems.isEmpty() ? "Node Healthy" : "Node Unhealthy");
        out.put("problems", problems);
        return out;
    }
}
