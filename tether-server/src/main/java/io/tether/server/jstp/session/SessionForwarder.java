package io.tether.server.jstp.session;

/**
 * Where a {@link JstpSession} sends what it is asked to deliver after it was handed off to
 * another node ({@link JstpSession#handOff}): e.g. an event emitted by a timer that still
 * holds the old session object, or the reply of a call that finishes late. Implementations
 * route it to the session's owner (or its stored buffer) and must never block the caller.
 */
public interface SessionForwarder {
    /** The id an originated message is serialized with before the owner gives it its real id. */
    long TEMPLATE_ID = -9007199254740991L;

    /** An originated message serialized with {@link #TEMPLATE_ID} as its id. */
    void originate(String template);

    /** A reply (callback, pong), final as it is. */
    void reply(String text);

    /** The template with its id replaced by {@code id}: the id is the first number after the first '['. */
    static String retarget(String template, long id) {
        String marker = "[" + TEMPLATE_ID;
        int at = template.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("not a message template");
        }
        return template.substring(0, at) + "[" + id + template.substring(at + marker.length());
    }
}
