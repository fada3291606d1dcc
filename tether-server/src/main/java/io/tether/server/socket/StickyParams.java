package io.tether.server.socket;

import io.tether.core.limits.Refusal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sticky params of one socket connection (fed by {@code paramAdd} and JSON requests,
 * copied for each action) and their estimated size, kept
 * within the listener's {@link StickyParamLimits}: a change over a bound is refused whole
 * (nothing stored) and returns the error text for the reply. The size estimate is one byte
 * per character of a string, key or value, plus {@value #ENTRY_OVERHEAD} per param, list
 * element and nested member; numbers, booleans and null weigh {@value #SCALAR}. Confined to
 * the channel's event loop.
 */
final class StickyParams {
    /** Estimated bytes of one param, list element or map member besides its contents. */
    static final int ENTRY_OVERHEAD = 16;
    /** Estimated bytes of a number, boolean or null. */
    static final int SCALAR = 8;

    private static final String MESSAGE_ID = "messageId";

    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> view = Collections.unmodifiableMap(params);
    private final StickyParamsPolicy policy;
    private final String remoteIp;
    private long size;

    StickyParams(StickyParamsPolicy policy, String remoteIp) {
        this.policy = policy;
        this.remoteIp = remoteIp;
    }

    /** The params, read-only (a live view). */
    Map<String, Object> view() {
        return view;
    }

    /** Estimated bytes held now. */
    long size() {
        return size;
    }

    /** Stores {@code key}; returns null, or the error text when a bound refuses it. */
    String put(String key, Object value) {
        StickyParamLimits limits = policy.limits();
        long valueSize = sizeOf(value, limits.maxValueBytes());
        Refusal refused = check(key, value, valueSize);
        Object old = params.get(key);
        long next = size - (old == null && !params.containsKey(key) ? 0 : entrySize(key, old))
                + ENTRY_OVERHEAD + key.length() + valueSize;
        if (refused == null && next > limits.maxTotalBytes()) {
            refused = Refusal.STICKY_PARAMS;
        }
        if (refused != null) {
            return policy.refuse(refused, remoteIp);
        }
        params.put(key, value);
        size = next;
        return null;
    }

    /**
     * Replaces every param by {@code replacement}, then stores {@code action} unless null
     * (a JSON request with a {@code params} member replaces the whole set); returns null, or the
     * error text when a bound refuses it.
     */
    String replace(Map<String, Object> replacement, Object action) {
        StickyParamLimits limits = policy.limits();
        long total = 0;
        for (Map.Entry<String, Object> e : replacement.entrySet()) {
            if (action != null && e.getKey().equals("action")) {
                continue;
            }
            long valueSize = sizeOf(e.getValue(), limits.maxValueBytes());
            Refusal refused = check(e.getKey(), e.getValue(), valueSize);
            total += ENTRY_OVERHEAD + e.getKey().length() + valueSize;
            if (refused == null && total > limits.maxTotalBytes()) {
                refused = Refusal.STICKY_PARAMS;
            }
            if (refused != null) {
                return policy.refuse(refused, remoteIp);
            }
        }
        if (action != null) {
            long actionSize = sizeOf(action, limits.maxValueBytes());
            total += ENTRY_OVERHEAD + "action".length() + actionSize;
            if (actionSize > limits.maxValueBytes() || total > limits.maxTotalBytes()) {
                return policy.refuse(Refusal.STICKY_PARAMS, remoteIp);
            }
        }
        params.clear();
        params.putAll(replacement);
        if (action != null) {
            params.put("action", action);
        }
        size = total;
        return null;
    }

    /** Removes {@code key} if present. */
    void remove(String key) {
        if (params.containsKey(key)) {
            size -= entrySize(key, params.remove(key));
        }
    }

    /** Removes every param. */
    void clear() {
        params.clear();
        size = 0;
    }

    private Refusal check(String key, Object value, long valueSize) {
        StickyParamLimits limits = policy.limits();
        if (MESSAGE_ID.equals(key) && (value instanceof CharSequence s ? s.length() : valueSize)
                > limits.maxMessageIdLength()) {
            return Refusal.MESSAGE_ID_TOO_LONG;
        }
        return valueSize > limits.maxValueBytes() ? Refusal.STICKY_PARAMS : null;
    }

    private static long entrySize(String key, Object value) {
        return ENTRY_OVERHEAD + key.length() + sizeOf(value, Long.MAX_VALUE);
    }

    /**
     * Estimated bytes of a JSON-like value; stops counting once past {@code budget} (the
     * result is then some number over it), so a huge value costs no more than the bound.
     */
    static long sizeOf(Object value, long budget) {
        if (value instanceof CharSequence s) {
            return s.length();
        }
        long total = 0;
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                total += ENTRY_OVERHEAD + sizeOf(e.getKey(), budget) + sizeOf(e.getValue(), budget - total);
                if (total > budget) {
                    return total;
                }
            }
            return total;
        }
        if (value instanceof Collection<?> c) {
            for (Object e : c) {
                total += ENTRY_OVERHEAD + sizeOf(e, budget - total);
                if (total > budget) {
                    return total;
                }
            }
            return total;
        }
        return SCALAR;
    }
}
