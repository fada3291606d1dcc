package io.tether.api;

import java.util.Map;
import java.util.Objects;

/**
 * Who a session is authenticated as: a name and attributes an authenticator attached
 * (roles, tenant, ...). Immutable. A session without one is anonymous.
 *
 * @param name       the user name
 * @param attributes extra facts about the user (copied, unmodifiable)
 */
public record Principal(String name, Map<String, Object> attributes) {
    /** Validates and freezes. */
    public Principal {
        Objects.requireNonNull(name, "name");
        attributes = Map.copyOf(attributes);
    }

    /** A principal with a name and no attributes. */
    public static Principal named(String name) {
        return new Principal(name, Map.of());
    }
}
