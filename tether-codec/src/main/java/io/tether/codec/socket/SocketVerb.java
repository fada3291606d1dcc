package io.tether.codec.socket;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verbs of the socket protocol, by their case-sensitive wire names. {@code file} is
 * classified separately ({@link SocketRequest.FileRequest}).
 */
public enum SocketVerb {
    /** Bye and close. */
    QUIT("quit"),
    /** Same as quit. */
    EXIT("exit"),
    /** The action catalogue. */
    DOCUMENTATION("documentation"),
    /** Adds a sticky param. */
    PARAM_ADD("paramAdd"),
    /** Removes a sticky param. */
    PARAM_DELETE("paramDelete"),
    /** Shows a sticky param. */
    PARAM_VIEW("paramView"),
    /** Shows all sticky params. */
    PARAMS_VIEW("paramsView"),
    /** Removes all sticky params. */
    PARAMS_DELETE("paramsDelete"),
    /** Joins a room. */
    ROOM_ADD("roomAdd"),
    /** Leaves a room. */
    ROOM_LEAVE("roomLeave"),
    /** Shows a room's members. */
    ROOM_VIEW("roomView"),
    /** Shows the connection's details. */
    DETAILS_VIEW("detailsView"),
    /** Broadcasts a message to a room. */
    SAY("say");

    private static final Map<String, SocketVerb> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SocketVerb::wireName, v -> v));

    private final String wireName;

    SocketVerb(String wireName) {
        this.wireName = wireName;
    }

    /** The name as clients type it. */
    public String wireName() {
        return wireName;
    }

    /** The verb with this exact (case-sensitive) name, or null. */
    public static SocketVerb fromWireName(String word) {
        return BY_WIRE_NAME.get(word);
    }
}
