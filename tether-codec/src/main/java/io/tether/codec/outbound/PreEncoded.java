package io.tether.codec.outbound;

/**
 * An outbound message already in its complete wire form (terminator included), e.g. one room
 * message serialized once and written to every member's channel: a {@link WireWriter} that
 * accepts it copies the bytes as they are. Immutable by contract: never change the array.
 *
 * @param wire the bytes to send
 */
public record PreEncoded(byte[] wire) {
}
