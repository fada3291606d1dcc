package io.tether.server.jstp.bridge;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.Input;
import io.tether.api.TetherException;
import io.tether.codec.mdsf.Mdsf;
import io.tether.core.action.ActionOutcome;
import io.tether.core.action.ActionProcessor;
import io.tether.core.action.ActionRegistry;
import io.tether.server.jstp.app.JstpCallContext;
import io.tether.server.jstp.app.JstpInterface;
import io.tether.server.jstp.app.JstpMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The core's actions as a JSTP interface (default name {@code api}): each action is a
 * method taking either one object of named params or positional arguments in declared
 * input order; it answers {@code ok:[<response fields>]} or the action's error.
 * Reads the registry on every lookup, so actions registered later are callable too.
 */
public final class ActionsInterface implements JstpInterface {
    private final String name;
    private final ActionRegistry registry;
    private final ActionProcessor processor;

    /** An interface named {@code name} over the processor's registry. */
    public ActionsInterface(String name, ActionProcessor processor) {
        this.name = name;
        this.registry = processor.registry();
        this.processor = processor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<JstpMethod> method(String method) {
        Action action = registry.find(method);
        return action == null ? Optional.empty()
                : Optional.of(JstpMethod.async(method, -1, ctx -> run(action, ctx)));
    }

    @Override
    public List<String> methodNames() {
        return registry.all().stream().map(Action::name).distinct().toList();
    }

    private CompletionStage<List<Object>> run(Action action, JstpCallContext ctx) {
        Map<String, Object> params = params(action, ctx.args());
        CompletableFuture<ActionOutcome> outcome = processor.process(ctx.session(),
                action.name(), params);
        return outcome.thenApply(o -> {
            if (!o.ok()) {
                throw o.error();
            }
            return List.of((Object) o.fields());
        });
    }

    /** Named params from one object argument, or positional args in declared input order. */
    static Map<String, Object> params(Action action, List<Object> args) {
        Map<String, Object> params = new HashMap<>();
        if (args.size() == 1 && args.get(0) instanceof Map<?, ?> named) {
            named.forEach((k, v) -> put(params, String.valueOf(k), v));
            return params;
        }
        List<Input> inputs = action.inputs();
        if (args.size() > inputs.size()) {
            throw new TetherException(ErrorCode.INVALID_SIGNATURE, "too many arguments");
        }
        for (int i = 0; i < args.size(); i++) {
            put(params, inputs.get(i).name(), args.get(i));
        }
        return params;
    }

    private static void put(Map<String, Object> params, String key, Object value) {
        if (value != null && value != Mdsf.UNDEFINED) {
            params.put(key, value);
        }
    }
}
