package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.Input;
import io.tether.api.Params;
import io.tether.api.ValidationException;
import io.tether.api.Values;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns raw params into an action's {@link Params}: unknown keys dropped, then for each
 * declared input its default, formatter and validator. All failures are collected; the
 * first missing required input is reported before any validator failure.
 */
public final class InputResolver {

    /** Resolves params or throws {@link ValidationException}. */
    public Params resolve(Action action, Map<String, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        for (Input input : action.inputs()) {
            Object value = raw.get(input.name());
            if (value == null && input.defaults() != null) {
                value = input.defaults().get();
            }
            if (value != null) {
                try {
                    value = format(input, value);
                    String failure = validate(input, value);
                    if (failure != null) {
                        invalid.put(input.name(), failure);
                    }
                } catch (Exception e) {
                    invalid.put(input.name(), messageOf(input, e));
                }
            }
            if (input.isRequired() && Values.isMissing(value)) {
                missing.put(input.name(), input.name() + " is a required parameter for this action");
            }
            if (value != null || raw.containsKey(input.name())) {
                values.put(input.name(), value);
            }
        }
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            throw failure(missing, invalid);
        }
        return Params.of(values);
    }

    private static Object format(Input input, Object value) throws Exception {
        return input.formatter() == null ? value : input.formatter().format(value);
    }

    private static String validate(Input input, Object value) throws Exception {
        if (input.validator() == null) {
            return null;
        }
        String failure = input.validator().check(value);
        if (failure != null && failure.isEmpty()) {
            return genericFailure(input);
        }
        return failure;
    }

    private static String messageOf(Input input, Exception e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? genericFailure(input) : m;
    }

    private static String genericFailure(Input input) {
        return "Input for parameter \"" + input.name() + "\" failed validation!";
    }

    private static ValidationException failure(Map<String, String> missing, Map<String, String> invalid) {
        Map<String, String> all = new LinkedHashMap<>(missing);
        invalid.forEach(all::putIfAbsent);
        if (!missing.isEmpty()) {
            return new ValidationException(ErrorCode.PARAM_REQUIRED, missing.values().iterator().next(), all);
        }
        return new ValidationException(ErrorCode.PARAM_INVALID, invalid.values().iterator().next(), all);
    }
}
