package io.tether.client.socket;

import java.time.Instant;

/**
 * A chat message broadcast into a room ({@code context:"user"}).
 *
 * @param room       the room
 * @param from       the sender's connection id ({@code "0"} for the server)
 * @param message    the text
 * @param sentAt     server time of the broadcast
 * @param receivedAt client time of arrival
 */
public record RoomMessage(String room, String from, String message, Instant sentAt, Instant receivedAt) {
}
