package io.tether.server.socket;

import io.tether.api.Action;
import io.tether.api.Formatter;
import io.tether.api.Input;
import io.tether.api.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Actions the socket integration tests call. */
final class TestActions {
    private TestActions() {
    }

    static Action[] all() {
        return new Action[] {sleepTest(), cacheTest(), randomNumber(), boom(), echo()};
    }

    /** Sleeps {@code sleepDuration} ms (default 1000) and reports the times. */
    static Action sleepTest() {
        return Action.named("sleepTest")
                .input(Input.named("sleepDuration").defaultValue(1000L).formatter(Formatter.toInteger()))
                .handler(ctx -> {
                    long duration = ctx.params().integer("sleepDuration");
                    long started = System.currentTimeMillis();
                    Thread.sleep(duration);
                    long ended = System.currentTimeMillis();
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("sleepStarted", started);
                    r.put("sleepEnded", ended);
                    r.put("sleepDelta", ended - started);
                    r.put("sleepDuration", duration);
                    return r;
                }).build();
    }

    /** Requires {@code key} and {@code value}, both at least 3 characters; echoes them. */
    static Action cacheTest() {
        Validator min3 = Validator.minLength(3, "inputs should be at least 3 letters long");
        return Action.named("cacheTest")
                .description("stores and reads back a value")
                .input(Input.named("key").required().formatter(Formatter.toStringValue()).validator(min3),
                        Input.named("value").required().formatter(Formatter.toStringValue()).validator(min3))
                .handler(ctx -> {
                    // ordered: the wire pin tests compare the reply byte for byte
                    Map<String, Object> results = new LinkedHashMap<>();
                    results.put("key", ctx.params().string("key"));
                    results.put("value", ctx.params().string("value"));
                    return Map.of("cacheTestResults", results);
                })
                .build();
    }

    /** A random number in [0,1). */
    static Action randomNumber() {
        return Action.named("randomNumber").handler(ctx -> {
            double n = ThreadLocalRandom.current().nextDouble();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("randomNumber", n);
            r.put("stringRandomNumber", "Your random number is " + n);
            return r;
        }).build();
    }

    /** Sets a field, then throws. */
    static Action boom() {
        return Action.named("boom").handler(ctx -> {
            ctx.response().put("partial", 1);
            throw new IllegalStateException("kaboom");
        }).build();
    }

    /** Echoes its {@code payload} input with its Java type name; non-blocking (runs on the I/O thread). */
    static Action echo() {
        return Action.named("echo").input(Input.named("payload")).handler(ctx -> {
            Object p = ctx.params().get("payload");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("payload", p);
            r.put("type", p == null ? "null" : p.getClass().getSimpleName());
            return r;
        }).nonBlocking().build();
    }
}
