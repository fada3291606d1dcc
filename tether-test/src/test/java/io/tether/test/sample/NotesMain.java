package io.tether.test.sample;

import io.tether.api.Action;
import io.tether.app.Tether;
import java.util.Map;

/**
 * A user's {@code main} on the entry point, as an application author writes it: one action
 * that reports the configured server id, one room. Started as a process by {@code UserMainIT}.
 */
public final class NotesMain {
    private NotesMain() {
    }

    /** Runs the notes server. */
    public static void main(String[] args) {
        Tether.run(args, app -> app
                .action(Action.named("whoami")
                        .handler(ctx -> Map.of("serverId", app.settings().serverId()))
                        .build())
                .room("notes"));
    }
}
