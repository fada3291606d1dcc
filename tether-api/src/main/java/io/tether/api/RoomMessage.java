package io.tether.api;

/**
 * A chat message broadcast into a room.
 *
 * @param room    room name
 * @param from    sender connection id, or {@code "0"} for the server
 * @param message the text, verbatim
 * @param sentAt  ms since epoch
 */
public record RoomMessage(String room, String from, String message, long sentAt) {
    /** Sender id used for messages produced by the server itself. */
    public static final String SERVER = "0";
}
