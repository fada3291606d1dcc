package io.tether.core.session.resume;

import java.util.UUID;

/**
 * Session ids: random UUIDs in their canonical lower-case text form (36 characters). A store
 * checks an id a client presents with {@link #wellFormed} before any lookup, so a crafted id
 * never reaches a shared store's keys.
 */
public final class SessionIds {
    private static final int LENGTH = 36;

    private SessionIds() {
    }

    /** A new random session id. */
    public static String next() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code id} has the form of an id this server hands out: 8-4-4-4-12 lower-case hex digits. */
    public static boolean wellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
