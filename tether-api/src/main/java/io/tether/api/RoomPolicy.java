package io.tether.api;

/**
 * Room authorization, one for every protocol: decides whether a session may join a room and
 * whether a member may say something in it. The room service asks it before every socket
 * {@code roomAdd} / {@code say} and every JSTP {@code chat.join} / {@code chat.say} (and when a
 * restored JSTP session rejoins its rooms); a refusal answers
 * {@link ErrorCode#FORBIDDEN} with the text {@code not allowed to join this room (name)} or
 * {@code not allowed to say in this room (name)}. A policy may instead throw a
 * {@link TetherException} of its own, whose message the client reads; any other exception is
 * answered as an internal error.
 *
 * <p>It runs where the room operation runs: {@link #mayJoin} on the connection's I/O thread
 * with the in-memory broker and on a worker with Redis; {@link #maySay} on the connection's
 * I/O thread with either (with Redis the say is published without waiting, so the check runs
 * before it on the thread that received the say; a say queued behind another room operation
 * of the session runs on a worker). Either may run on an I/O thread, so neither may block:
 * decide from the session's {@link SessionHandle#principal() principal} and
 * {@link SessionHandle#data() data}.
 *
 * <pre>{@code
 * RoomPolicy staffOnly = new RoomPolicy() {
 *     public boolean mayJoin(SessionHandle session, String room) {
 *         return !room.startsWith("staff-") || session.principal()
 *                 .map(p -> "staff".equals(p.attributes().get("role"))).orElse(false);
 *     }
 * };
 * }</pre>
 */
public interface RoomPolicy {
    /** Whether the session may join the room (default: yes). */
    default boolean mayJoin(SessionHandle session, String room) {
        return true;
    }

    /** Whether a member may say {@code message} in the room (default: yes). */
    default boolean maySay(SessionHandle session, String room, String message) {
        return true;
    }

    /** Lets everyone join and say (the default). */
    static RoomPolicy open() {
        return new RoomPolicy() {
        };
    }
}
