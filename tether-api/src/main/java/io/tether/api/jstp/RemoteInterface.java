package io.tether.api.jstp;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An interface the client hosts, as inspected by {@link JstpPeer#remoteProxy}: its method
 * names and calls to them (the seed's remote proxy). Immutable.
 *
 * @param peer    the client
 * @param name    the interface name
 * @param methods its method names, as the client listed them
 */
public record RemoteInterface(JstpPeer peer, String name, List<String> methods) {
    /** Requires every part; copies the names. */
    public RemoteInterface {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
        methods = List.copyOf(methods);
    }

    /** Calls {@code method(args…)} of this interface. */
    public CompletableFuture<List<Object>> call(String method, Object... args) {
        return peer.callMethod(name, method, List.of(args));
    }

    /** Whether the client listed {@code method}. */
    public boolean has(String method) {
        return methods.contains(method);
    }
}
