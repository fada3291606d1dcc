package io.tether.demo;

import java.util.Objects;

/**
 * Who this server is, as the {@code status} action reports it.
 *
 * @param id            server id (not a connection id)
 * @param name          application name
 * @param description   application description
 * @param version       application version
 * @param tetherVersion version of the Tether framework
 * @param startedAt     ms since epoch when the server started
 */
public record ServerIdentity(String id, String name, String description, String version, String tetherVersion,
                             long startedAt) {

    /** Requires every text. */
    public ServerIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tetherVersion, "tetherVersion");
    }
}
