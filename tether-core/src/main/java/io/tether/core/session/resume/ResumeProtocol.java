package io.tether.core.session.resume;

import io.tether.core.room.RoomDelivery;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a protocol supplies to its {@link ResumableSession}s, one instance per listener shared
 * by all of them (so a session holds one reference for it, not one object per role): the
 * protocol's name (as {@link io.tether.api.ConnectionInfo#type()}), its {@link OutboundEncoder},
 * where a member's room messages go, and what to do when a session ends on this node (dropped
 * or handed off: e.g. leave its rooms). The callbacks run under the session's lock and must
 * not block.
 *
 * @param type      the protocol's name, e.g. {@code "jstp"}
 * @param encoder   the protocol's wire text for outbound messages
 * @param roomSink  delivers a room message to a session (typically {@link ResumableSession#originate})
 * @param ended     runs once when a session is dropped or handed off on this node
 * @param peers     how the server's calls to its clients run (deadlines, limit, completions)
 */
public record ResumeProtocol(String type, OutboundEncoder encoder,
                             BiConsumer<ResumableSession, RoomDelivery> roomSink,
                             Consumer<ResumableSession> ended, PeerCallSettings peers) {
    /** Requires every part. */
    public ResumeProtocol {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(roomSink, "roomSink");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(peers, "peers");
    }

    /** A protocol whose server calls have no deadline ({@link PeerCallSettings#untimed()}). */
    public ResumeProtocol(String type, OutboundEncoder encoder, BiConsumer<ResumableSession, RoomDelivery> roomSink,
                          Consumer<ResumableSession> ended) {
        this(type, encoder, roomSink, ended, PeerCallSettings.untimed());
    }

    /** A protocol whose sessions receive no room messages and need nothing when they end (tests, examples). */
    public static ResumeProtocol of(String type, OutboundEncoder encoder) {
        return new ResumeProtocol(type, encoder, (s, d) -> { }, s -> { });
    }
}
