package io.tether.bench.load;

import java.nio.charset.StandardCharsets;

/** Allocation-free searches in a frame held in an array, so the generator stays cheaper than the server. */
final class Bytes {
    private Bytes() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code needle} occurs at index {@code at} of {@code b}, before {@code end}. */
    static boolean matchesAt(byte[] b, int at, int end, byte[] needle) {
        if (at + needle.length > end) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (b[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first {@code c} in {@code b[from, end)}, or -1. */
    static int indexOf(byte[] b, int from, int end, byte c) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The non-negative decimal starting at index {@code at}, or -1 if there is none. */
    static long parseLong(byte[] b, int at, int end) {
        long v = 0;
        int i = at;
        int stop = Math.min(end, at + 18);
        for (; i < stop; i++) {
            byte d = b[i];
            if (d < '0' || d > '9') {
                break;
            }
            v = v * 10 + (d - '0');
        }
        return i == at ? -1 : v;
    }

    /** The index just after the decimal digits starting at {@code at}. */
    static int skipDigits(byte[] b, int at, int end) {
        int i = at;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }
}
