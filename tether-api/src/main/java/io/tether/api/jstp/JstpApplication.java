package io.tether.api.jstp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSTP-native application {@code name@version}: interfaces of methods and a handler for
 * client events. Immutable. The version must be a full semver version; the server checks it
 * when the application is registered (this module stays free of a semver library).
 *
 * <pre>{@code
 * JstpApplication app = JstpApplication.builder("calc", "1.0.0")
 *         .iface(JstpInterface.builder("calculator")
 *                 .nonBlocking("answer", 0, ctx -> List.of(42))
 *                 .method("divide", 2, ctx -> {
 *                     if (ctx.number(1) == 0) throw TetherException.withProtocolCode(1, "Zero division");
 *                     return List.of(ctx.number(0) / ctx.number(1));
 *                 })
 *                 .build())
 *         .build();
 * }</pre>
 *
 * @param name       application name
 * @param version    full semver version
 * @param interfaces interfaces by name
 * @param events     handler of client events
 * @param clients    told when a session of this application is created or restored
 */
public record JstpApplication(String name, String version, Map<String, JstpInterface> interfaces,
                              JstpEventHandler events, JstpSessionListener clients) {
    /** Validates and freezes the definition. */
    public JstpApplication {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clients, "clients");
        if (name.isEmpty() || version.isBlank()) {
            throw new IllegalArgumentException("application needs a name and a version: " + name + "@" + version);
        }
        interfaces = Map.copyOf(interfaces);
    }

    /** An application without a session listener. */
    public JstpApplication(String name, String version, Map<String, JstpInterface> interfaces,
                           JstpEventHandler events) {
        this(name, version, interfaces, events, JstpSessionListener.none());
    }

    /** Starts a builder. */
    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    /** The interface with this name. */
    public Optional<JstpInterface> iface(String ifaceName) {
        return Optional.ofNullable(interfaces.get(ifaceName));
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }

    /** Builder of {@link JstpApplication}. */
    public static final class Builder {
        private final String name;
        private final String version;
        private final Map<String, JstpInterface> interfaces = new LinkedHashMap<>();
        private JstpEventHandler events = JstpEventHandler.ignore();
        private JstpSessionListener clients = JstpSessionListener.none();

        private Builder(String name, String version) {
            this.name = name;
            this.version = version;
        }

        /** Adds an interface. */
        public Builder iface(JstpInterface i) {
            if (interfaces.putIfAbsent(i.name(), i) != null) {
                throw new IllegalArgumentException("duplicate interface " + i.name());
            }
            return this;
        }

        /** Sets the client-event handler. */
        public Builder onEvent(JstpEventHandler handler) {
            this.events = handler;
            return this;
        }

        /**
         * Sets the listener told when a session is created or restored (the seed's
         * {@code client} event), e.g. to call the client or start its heartbeat.
         */
        public Builder onClient(JstpSessionListener listener) {
            this.clients = listener;
            return this;
        }

        /** Builds the application. */
        public JstpApplication build() {
            return new JstpApplication(name, version, interfaces, events, clients);
        }
    }
}
