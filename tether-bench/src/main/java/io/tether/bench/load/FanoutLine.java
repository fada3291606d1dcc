package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The fan-out generator's view of socket-protocol lines, allocation-free. A room message the
 * generator sends is {@code say <room> <stamp>-<sender>[-xxx…]}: the send time
 * ({@link System#nanoTime()} of the generator's JVM) and the global index of the sending
 * connection. A member receives it as a line with {@code "context":"user"} and
 * {@code "message":"<stamp>-<sender>…"} (key order does not matter: ActionHero and Tether
 * both pass). {@link #parse} classifies one line and keeps the parsed values in this object
 * (one per connection, used on its event loop only).
 */
final class FanoutLine {
    /** What a line is. */
    enum Kind {
        /** A room message in the generator's format: {@link #stamp()} and {@link #sender()} are set. */
        MESSAGE,
        /** A reply without an error key (roomAdd, say). */
        OK,
        /** A reply with an error key. */
        ERROR,
        /** Anything else: a welcome, a room message of another format, an empty line. */
        OTHER
    }

    private static final byte[] CONTEXT = Bytes.ascii("\"context\":\"");
    private static final byte[] USER = Bytes.ascii("user\"");
    private static final byte[] RESPONSE = Bytes.ascii("response\"");
    private static final byte[] ERROR = Bytes.ascii("\"error\":");
    private static final byte[] MESSAGE = Bytes.ascii("\"message\":\"");

    private long stamp = -1;
    private long sender = -1;

    /** Classifies {@code b[from, to)} (one line, terminator excluded; a trailing CR is ignored). */
    Kind parse(byte[] b, int from, int to) {
        stamp = -1;
        sender = -1;
        int end = to > from && b[to - 1] == '\r' ? to - 1 : to;
        boolean user = false;
        boolean response = false;
        boolean error = false;
        long parsedStamp = -1;
        long parsedSender = -1;
        for (int q = Bytes.indexOf(b, from, end, (byte) '"'); q >= 0; q = Bytes.indexOf(b, q + 1, end, (byte) '"')) {
            if (Bytes.matchesAt(b, q, end, CONTEXT)) {
                int v = q + CONTEXT.length;
                user |= Bytes.matchesAt(b, v, end, USER);
                response |= Bytes.matchesAt(b, v, end, RESPONSE);
            } else if (Bytes.matchesAt(b, q, end, ERROR)) {
                error = true;
            } else if (parsedStamp < 0 && Bytes.matchesAt(b, q, end, MESSAGE)) {
                int at = q + MESSAGE.length;
                parsedStamp = Bytes.parseLong(b, at, end);
                int dash = Bytes.skipDigits(b, at, end);
                if (parsedStamp >= 0 && dash < end && b[dash] == '-') {
                    parsedSender = Bytes.parseLong(b, dash + 1, end);
                }
                // the text is the generator's own (digits, '-', 'x'): the next quote closes it
                q = Bytes.indexOf(b, at, end, (byte) '"');
                if (q < 0) {
                    break;
                }
            }
        }
        if (user && parsedStamp >= 0 && parsedSender >= 0) {
            stamp = parsedStamp;
            sender = parsedSender;
            return Kind.MESSAGE;
        }
        if (response || error) {
            return error ? Kind.ERROR : Kind.OK;
        }
        return Kind.OTHER;
    }

    /**
     * The send time of a room message in the generator's format, else -1: only looks for the
     * {@code "message":"<digits>} key, for a member that, once joined, receives nothing else.
     */
    static long stampOf(byte[] b, int from, int to) {
        for (int q = Bytes.indexOf(b, from, to, (byte) '"'); q >= 0; q = Bytes.indexOf(b, q + 1, to, (byte) '"')) {
            if (Bytes.matchesAt(b, q, to, MESSAGE)) {
                return Bytes.parseLong(b, q + MESSAGE.length, to);
            }
        }
        return -1;
    }

    /** The send time carried by the last {@link Kind#MESSAGE}, else -1. */
    long stamp() {
        return stamp;
    }

    /** The sending connection's index carried by the last {@link Kind#MESSAGE}, else -1. */
    long sender() {
        return sender;
    }

    /**
     * Appends {@code say <room> <stamp>-<sender>\n}, the text padded with {@code -x…} to at least
     * {@code minText} characters.
     */
    static void writeSay(ByteBuf out, byte[] sayRoomSpace, long stamp, int sender, int minText) {
        out.writeBytes(sayRoomSpace);
        int start = out.writerIndex();
        ByteBufUtil.writeAscii(out, Long.toString(stamp));
        out.writeByte('-');
        ByteBufUtil.writeAscii(out, Integer.toString(sender));
        int len = out.writerIndex() - start;
        if (len < minText) {
            out.writeByte('-');
            for (int i = len + 1; i < minText; i++) {
                out.writeByte('x');
            }
        }
        out.writeByte('\n');
    }
}
