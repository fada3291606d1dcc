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
        if (action.inputs().isEmpty()) {
            return Params.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> missing = null;
        Map<String, String> invalid = null;
        for (Input input : action.inputs()) {
            Object given = raw.get(input.name()); // null and absent mean the same
            Object value = given;
            if (value == null && input.defaults() != null) {
                value = input.defaults().get();
            }
            if (value != null) {
                try {
                    value = format(input, value);
                    String failure = validate(input, value);
                    if (failure != null) {
                        invalid = put(invalid, input.name(), failure);
                    }
                } catch (Exception e) {
                    invalid = put(invalid, input.name(), messageOf(input, e));
                }
            }
            if (input.isRequired() && Values.isMissing(value)) {
                missing = put(missing, input.name(), input.name() + " is a required parameter for this action");
            }
            if (value != null || given != null) { // a formatter may turn a given value into null
                values.put(input.name(), value);
            }
        }
        if (missing != null || invalid != null) {
            throw failure(missing == null ? Map.of() : missing, invalid == null ? Map.of() : invalid);
        }
        return Params.of(values);
    }

    private static Map<String, String> put(Map<String, String> failures, String name, String message) {
        Map<String, String> map = failures != null ? failures : new LinkedHashMap<>();
        map.put(name, message);
        return map;
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
