package io.tether.api.jstp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named group of methods inside an application. Static interfaces are built with
 * {@link #builder(String)}; the server also provides dynamic ones (the actions interface).
 */
public interface JstpInterface {
    /** The interface name. */
    String name();

    /** The named method, if callable over JSTP. */
    Optional<JstpMethod> method(String name);

    /** The names of every callable method (what {@code inspect} lists). */
    List<String> methodNames();

    /** Starts building a static interface. */
    static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builder of a static {@link JstpInterface}. */
    final class Builder {
        private final String name;
        private final Map<String, JstpMethod> methods = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a method; a duplicate name is an error. */
        public Builder method(JstpMethod m) {
            if (methods.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("duplicate method " + m.name() + " in " + name);
            }
            return this;
        }

        /** Adds a method that may block ({@link JstpMethod#of}, the default kind). */
        public Builder method(String method, int arity, MethodHandler body) {
            return method(JstpMethod.of(method, arity, body));
        }

        /** Adds a method that never blocks ({@link JstpMethod#nonBlocking}). */
        public Builder nonBlocking(String method, int arity, MethodHandler body) {
            return method(JstpMethod.nonBlocking(method, arity, body));
        }

        /** Builds the immutable interface. */
        public JstpInterface build() {
            return new StaticInterface(name, Map.copyOf(methods), List.copyOf(methods.keySet()));
        }
    }

    /** An immutable interface with a fixed method table. */
    record StaticInterface(String name, Map<String, JstpMethod> methods, List<String> methodNames)
            implements JstpInterface {
        @Override
        public Optional<JstpMethod> method(String method) {
            return Optional.ofNullable(methods.get(method));
        }
    }
}
