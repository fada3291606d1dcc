package io.tether.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A declared action input: name, whether it is required, a default, a formatter and a
 * validator, applied in that order. Immutable; build with {@link #named(String)}:
 *
 * <pre>{@code
 * Input key = Input.named("key").required().formatter(Formatter.toStringValue())
 *         .validator(Validator.minLength(3, "inputs should be at least 3 letters long"));
 * }</pre>
 *
 * @param name        the param name
 * @param isRequired  whether a missing, null or empty value is an error
 * @param defaults    supplies the value when the param is absent; null for none
 * @param formatter   applied to present values; null for none
 * @param validator   applied after formatting; null for none
 * @param description documentation text
 */
public record Input(String name, boolean isRequired, Supplier<Object> defaults, Formatter formatter,
                    Validator validator, String description) {

    /** Validates the name. */
    public Input {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("input name must not be empty");
        }
        description = description == null ? "" : description;
    }

    /** An optional input with no default, formatter or validator. */
    public static Input named(String name) {
        return new Input(name, false, null, null, null, "");
    }

    /** This input, required. */
    public Input required() {
        return new Input(name, true, defaults, formatter, validator, description);
    }

    /** This input with a constant default value. */
    public Input defaultValue(Object value) {
        return new Input(name, isRequired, () -> value, formatter, validator, description);
    }

    /** This input with a computed default value. */
    public Input defaultValue(Supplier<Object> supplier) {
        return new Input(name, isRequired, supplier, formatter, validator, description);
    }

    /** This input with a formatter. */
    public Input formatter(Formatter f) {
        return new Input(name, isRequired, defaults, f, validator, description);
    }

    /** This input with a validator. */
    public Input validator(Validator v) {
        return new Input(name, isRequired, defaults, formatter, v, description);
    }

    /** This input with a description. */
    public Input description(String text) {
        return new Input(name, isRequired, defaults, formatter, validator, text);
    }
}
