package io.tether.client.jstp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interfaces the client hosts: the server may {@code call} and {@code inspect} them.
 * {@link #none()} (the default) answers every call and inspect with {@code [12]}, as the
 * reference client does. Immutable.
 *
 * <pre>{@code
 * LocalApplication app = LocalApplication.builder()
 *         .method("clientApi", "hello", args -> List.of("hi " + args.get(0)))
 *         .build();
 * }</pre>
 */
public final class LocalApplication {
    private static final LocalApplication NONE = new LocalApplication(Map.of());

    private final Map<String, Map<String, HostedMethod>> interfaces;

    private LocalApplication(Map<String, Map<String, HostedMethod>> interfaces) {
        this.interfaces = interfaces;
    }

    /** No interfaces. */
    public static LocalApplication none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The methods of an interface, or null if it is not hosted. */
    public Map<String, HostedMethod> iface(String name) {
        return interfaces.get(name);
    }

    /** Method names of an interface (the inspect reply), or null. */
    public List<String> methodNames(String name) {
        Map<String, HostedMethod> m = interfaces.get(name);
        return m == null ? null : List.copyOf(m.keySet());
    }

    /** Builder of {@link LocalApplication}. */
    public static final class Builder {
        private final Map<String, Map<String, HostedMethod>> interfaces = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder method(String iface, String name, HostedMethod method) {
            interfaces.computeIfAbsent(iface, k -> new LinkedHashMap<>()).put(name, method);
            return this;
        }

        public LocalApplication build() {
            Map<String, Map<String, HostedMethod>> copy = new LinkedHashMap<>();
            interfaces.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return new LocalApplication(Map.copyOf(copy));
        }
    }
}
