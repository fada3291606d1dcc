package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The linear exact-version scan against the regex it replaces, on short random strings only. */
class ExactVersionTest {
    /** The old check: fine as an oracle on short input, quadratic on long space runs. */
    private static final Pattern ORACLE = Pattern.compile(
            "^\\s*[v=]*\\s*\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?\\s*$");

    @Test
    void agreesWithTheRegexOnRandomShortStrings() {
        Random random = new Random(11);
        char[] alphabet = " \tv=0123456789.-+aZ_>^~x\u00A0".toCharArray();
        for (int round = 0; round < 200_000; round++) {
            char[] chars = new char[random.nextInt(16)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(chars);
            assertThat(ExactVersion.isValid(s)).as("'%s'", s).isEqualTo(ORACLE.matcher(s).matches());
        }
    }

    @Test
    void agreesOnTypicalVersionsAndRanges() {
        for (String s : new String[] {"1.0.0", " v1.0.0 ", "==v 2.1.0-beta.1+b.7", "1.0.0-", "1.0.0+", "1.0",
            "^1.0.0", "1.x", "1.0.0 - 2.0.0", "01.2.3", "1.2.3--", "1.2.3-a+b+c", ""}) {
            assertThat(ExactVersion.isValid(s)).as("'%s'", s).isEqualTo(ORACLE.matcher(s).matches());
        }
    }

    @Test
    void fortyThousandSpacesAreScannedOnce() {
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(ExactVersion.isValid(" ".repeat(40_000) + "x")).isFalse();
        }
        // the regex took 12 s for one such string; 100 linear scans take milliseconds
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    }
}
