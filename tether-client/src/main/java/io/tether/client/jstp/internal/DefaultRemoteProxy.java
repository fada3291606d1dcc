package io.tether.client.jstp.internal;

import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.RemoteProxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A remote interface: forwards calls and events to the client, fans out incoming events. */
final class DefaultRemoteProxy implements RemoteProxy {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRemoteProxy.class);

    private final JstpClient client;
    private final String name;
    private final List<String> methods;
    private final Map<String, List<Consumer<List<Object>>>> listeners = new ConcurrentHashMap<>();

    DefaultRemoteProxy(JstpClient client, String name, List<String> methods) {
        this.client = client;
        this.name = name;
        this.methods = List.copyOf(methods);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> methods() {
        return methods;
    }

    @Override
    public CompletableFuture<List<Object>> call(String method, Object... args) {
        return client.callMethod(name, method, args);
    }

    @Override
    public void emit(String event, Object... args) {
        client.emitRemoteEvent(name, event, args);
    }

    @Override
    public void on(String event, Consumer<List<Object>> listener) {
        listeners.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void off(String event, Consumer<List<Object>> listener) {
        List<Consumer<List<Object>>> l = listeners.get(event);
        if (l != null) {
            l.remove(listener);
        }
    }

    /** Delivers an event (called on the client's listener thread). */
    void dispatch(String event, List<Object> args) {
        for (Consumer<List<Object>> l : listeners.getOrDefault(event, List.of())) {
            try {
                l.accept(args);
            } catch (RuntimeException e) {
                LOG.warn("event listener of {}.{} failed", name, event, e);
            }
        }
    }
}
