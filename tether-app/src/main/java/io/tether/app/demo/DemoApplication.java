package io.tether.app.demo;

import io.tether.core.TetherCore;
import java.util.List;

/**
 * The demo application the runnable server ships: the actions {@code randomNumber},
 * {@code cacheTest}, {@code sleepTest} and {@code status}, and the rooms
 * {@code defaultRoom} and {@code otherRoom}.
 *
 * <pre>{@code
 * TetherCore core = DemoApplication.install(TetherCore.builder(), identity).build();
 * }</pre>
 */
public final class DemoApplication {
    /** Rooms created at boot. */
    public static final List<String> ROOMS = List.of("defaultRoom", "otherRoom");

    private DemoApplication() {
    }

    /** Adds the demo actions and rooms to a core builder and returns it. */
    public static TetherCore.Builder install(TetherCore.Builder core, ServerIdentity server) {
        return core.action(RandomNumberAction.create(), CacheTestAction.create(), SleepTestAction.create(),
                        StatusAction.create(server))
                .room(ROOMS.toArray(String[]::new));
    }
}
