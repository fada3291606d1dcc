package io.tether.codec.fuzz;

import java.util.Arrays;

/**
 * Reads a fuzz input laid out as a small binary header (the configuration: caps, limits, read
 * sizes) followed by the payload, so that seed files are easy to write by hand or script
 * ({@code src/test/resources/.../<Target>Inputs/<method>/}, see {@code seeds.py} there): every
 * header field is one byte or a big-endian 16-bit number; past the end of the input a field
 * reads as 0, which always means "the default".
 */
final class FuzzInput {
    private final byte[] data;
    private int at;

    FuzzInput(byte[] data) {
        this.data = data;
    }

    /** The next byte, 0 past the end. */
    int u8() {
        return at < data.length ? data[at++] & 0xff : 0;
    }

    /** The next big-endian 16-bit number, 0 past the end. */
    int u16() {
        return (u8() << 8) | u8();
    }

    /** Read sizes: one byte n, then 1 + n % 4 16-bit sizes (0 = 65,536, i.e. everything at once). */
    int[] readSizes() {
        int[] sizes = new int[1 + u8() % 4];
        for (int i = 0; i < sizes.length; i++) {
            int v = u16();
            sizes[i] = v == 0 ? 65_536 : v;
        }
        return sizes;
    }

    /** The rest of the input. */
    byte[] rest() {
        byte[] rest = at < data.length ? Arrays.copyOfRange(data, at, data.length) : new byte[0];
        at = data.length;
        return rest;
    }
}
