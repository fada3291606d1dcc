package io.tether.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    private static boolean heap(byte[] bytes) {
        // in the middle of a larger array, with a reader index: offsets must be honoured
        byte[] padded = new byte[bytes.length + 7];
        padded[0] = (byte) 0xff;
        padded[1] = (byte) 0xff;
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        padded[padded.length - 1] = (byte) 0xff;
        ByteBuf buf = Unpooled.wrappedBuffer(padded, 1, bytes.length + 2);
        buf.skipBytes(2);
        return Utf8Text.isValid(buf);
    }

    private static boolean direct(byte[] bytes) {
        ByteBuf buf = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        try {
            return Utf8Text.isValid(buf);
        } finally {
            buf.release();
        }
    }

    private static void valid(byte[] bytes, boolean expected) {
        assertThat(heap(bytes)).as("heap").isEqualTo(expected);
        assertThat(direct(bytes)).as("direct").isEqualTo(expected);
    }

    @Test
    void asciiAndWellFormedMultiByteTextIsValid() {
        valid(new byte[0], true);
        valid("{call:[1,'bench'],echo:['hello']}".getBytes(StandardCharsets.UTF_8), true);
        valid("x".repeat(1000).getBytes(StandardCharsets.UTF_8), true);
        for (String s : new String[] {"é", "abcdefgé", "abcdefghé", "caf\u00e9 \u2028 \u20ac \ud83d\ude00 end",
                "\ud83d\ude00".repeat(9), "1234567\u00e9"}) {
            valid(s.getBytes(StandardCharsets.UTF_8), true);
        }
    }

    @Test
    void malformedSequencesAnywhereAreInvalid() {
        byte[][] bad = {
            {(byte) 0x80},                                   // a lone continuation byte
            {(byte) 0xc3},                                   // a truncated sequence
            {(byte) 0xc3, (byte) 0xc3},                      // a lead byte where a continuation belongs
            {(byte) 0xc0, (byte) 0xaf},                      // an overlong '/'
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},         // a UTF-16 surrogate
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xff},
        };
        for (byte[] b : bad) {
            for (int at : new int[] {0, 5, 8, 17}) {
                byte[] text = new byte[at + b.length + 3];
                java.util.Arrays.fill(text, (byte) 'a');
                System.arraycopy(b, 0, text, at, b.length);
                valid(text, false);
            }
        }
    }
}
