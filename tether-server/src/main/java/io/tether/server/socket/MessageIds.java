package io.tether.server.socket;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh per-line messageIds: UUID v4 strings drawn from {@link ThreadLocalRandom}. They
 * correlate replies and carry no secret, so they need not come from {@code SecureRandom},
 * whose shared lock the event loops contended on for every line (see docs/performance.md).
 */
final class MessageIds {
    private MessageIds() {
    }

    /** A random UUID v4 string. */
    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
