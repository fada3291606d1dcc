package io.tether.demo;

import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.Cache;
import io.tether.api.CacheEntry;
import io.tether.api.Formatter;
import io.tether.api.Input;
import io.tether.api.Validator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Demo action {@code cacheTest}: saves {@code cacheTest_<key>} with a 5 s expiry, counts
 * the cache, loads the entry back and deletes it, replying with every step's result.
 */
public final class CacheTestAction {
    /** Expiry of the saved entry. */
    static final Duration TTL = Duration.ofSeconds(5);
    /** The validator text of both inputs. */
    static final String TOO_SHORT = "inputs should be at least 3 letters long";

    private CacheTestAction() {
    }

    /** The action definition. */
    public static Action create() {
        return Action.named("cacheTest")
                .description("Saves, counts, loads and deletes a cache entry")
                .input(stringInput("key", "the key to store under"), stringInput("value", "the value to store"))
                .handler(CacheTestAction::run)
                .build();
    }

    private static Input stringInput(String name, String description) {
        return Input.named(name).required().formatter(Formatter.toStringValue())
                .validator(Validator.minLength(3, TOO_SHORT)).description(description);
    }

    private static Map<String, Object> run(ActionContext ctx) {
        Cache cache = ctx.cache();
        String key = "cacheTest_" + ctx.params().string("key");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("saveResp", cache.save(key, ctx.params().string("value"), TTL));
        results.put("sizeResp", cache.size());
        results.put("loadResp", cache.load(key).map(CacheTestAction::loaded).orElse(null));
        results.put("deleteResp", cache.destroy(key));
        return Map.of("cacheTestResults", results);
    }

    private static Map<String, Object> loaded(CacheEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", entry.key());
        out.put("value", entry.value());
        out.put("createdAt", entry.createdAt());
        return out;
    }
}
