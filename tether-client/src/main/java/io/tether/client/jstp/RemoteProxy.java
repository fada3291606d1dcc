package io.tether.client.jstp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A remote interface obtained by {@link JstpClient#inspectInterface}: call its methods by
 * name and listen to its events. Survives reconnection.
 */
public interface RemoteProxy {

    /** Interface name. */
    String name();

    /** Method names the server listed. */
    List<String> methods();

    /** Calls a method ({@link JstpClient#callMethod}). */
    CompletableFuture<List<Object>> call(String method, Object... args);

    /** Emits an event on this interface. */
    void emit(String event, Object... args);

    /** Listens to an event of this interface; the listener gets the argument list. */
    void on(String event, Consumer<List<Object>> listener);

    /** Removes a listener added by {@link #on}. */
    void off(String event, Consumer<List<Object>> listener);
}
