package io.tether.core.session;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random UUID v4 strings drawn from {@link ThreadLocalRandom}, for identifiers that correlate
 * and carry no secret: socket messageIds (one per request line) and connection ids (shown to
 * room members as {@code from}). {@code UUID.randomUUID()} draws from a shared
 * {@code SecureRandom} whose lock the event loops contended on (docs/performance.md). Bearer
 * credentials such as JSTP session ids keep {@code UUID.randomUUID()}.
 */
public final class RandomIds {
    private RandomIds() {
    }

    /** A random UUID v4 string. */
    public static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
