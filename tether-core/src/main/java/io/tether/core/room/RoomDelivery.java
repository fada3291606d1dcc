package io.tether.core.room;

import io.tether.api.RoomMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One room message on its way to the local members of its room. A protocol serializes it
 * once per wire form with {@link #shared} and gives every member the same result, instead of
 * serializing a copy per member. One per message (not per member); thread-safe.
 */
public final class RoomDelivery {
    private final RoomMessage message;
    private final Map<Object, Object> forms = new ConcurrentHashMap<>(2);

    /** A delivery of {@code message}. */
    public RoomDelivery(RoomMessage message) {
        this.message = message;
    }

    /** The message. */
    public RoomMessage message() {
        return message;
    }

    /**
     * The wire form of the message for {@code format} (a key with value equality, e.g. a
     * record naming the protocol and its settings), computed by {@code encode} on first use
     * and shared by every later caller. The result must be immutable.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object format, Function<RoomMessage, T> encode) {
        Object form = forms.get(format);
        if (form == null) {
            form = forms.computeIfAbsent(format, f -> encode.apply(message));
        }
        return (T) form;
    }
}
