package io.tether.demo;

import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.Formatter;
import io.tether.api.Input;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Demo action {@code sleepTest}: sleeps {@code sleepDuration} ms (default 1000, parsed as
 * an integer) and reports when it started and ended. A value that is not a number means no
 * sleep and {@code "sleepDuration": null}.
 */
public final class SleepTestAction {
    /** Default sleep in ms. */
    static final long DEFAULT_SLEEP_MS = 1000;

    private SleepTestAction() {
    }

    /** The action definition. */
    public static Action create() {
        return Action.named("sleepTest")
                .description("Sleeps for sleepDuration ms, then replies")
                .input(Input.named("sleepDuration").defaultValue(DEFAULT_SLEEP_MS).formatter(Formatter.toInteger())
                        .description("how long to sleep, in ms"))
                .handler(SleepTestAction::run)
                .build();
    }

    private static Map<String, Object> run(ActionContext ctx) throws InterruptedException {
        Long duration = ctx.params().integer("sleepDuration");
        long started = System.currentTimeMillis();
        if (duration != null && duration > 0) {
            Thread.sleep(duration);
        }
        long ended = System.currentTimeMillis();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sleepStarted", started);
        out.put("sleepEnded", ended);
        out.put("sleepDelta", ended - started);
        out.put("sleepDuration", duration);
        return out;
    }
}
