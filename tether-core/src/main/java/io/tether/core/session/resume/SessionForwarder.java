package io.tether.core.session.resume;

/**
 * Where a {@link ResumableSession} sends what it is asked to deliver after it was handed off to
 * another node ({@link ResumableSession#handOff}): e.g. an event emitted by a timer that still
 * holds the old session object, or the reply of a call that finishes late. The message travels
 * in its structured form; the owning node encodes it with its own ids. Implementations route it
 * to the session's owner (or its stored inbox) and must never block the caller.
 */
@FunctionalInterface
public interface SessionForwarder {
    /** Forwards one message to the session's current owner. */
    void forward(Outbound message);
}
