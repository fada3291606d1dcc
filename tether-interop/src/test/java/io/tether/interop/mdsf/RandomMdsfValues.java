package io.tether.interop.mdsf;

import io.tether.codec.mdsf.Mdsf;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random Java values for the differential test: nested objects and arrays with holes,
 * hostile strings, doubles over the whole range, integers near 2^53 and keys that need
 * quoting. Avoids what JavaScript cannot round-trip by design (trailing holes,
 * integer-like keys that JS reorders, {@code __proto__}).
 */
final class RandomMdsfValues {
    private static final String[] KEYS = {"a", "text", "_x", "$y", "null", "class", "a-b", "with space",
        "1abc", "ключ", "", "it's", "q\"q", "back\\slash", "nl\n", "\u2028", "\uD83D\uDE00", "x1", "A$_9"};
    private static final long MAX_SAFE = 1L << 53;

    private final Random random;

    RandomMdsfValues(long seed) {
        this.random = new Random(seed);
    }

    Object topLevel() {
        return random.nextInt(5) == 0 ? array(0) : object(0);
    }

    private Object value(int depth) {
        int k = random.nextInt(depth > 3 ? 5 : 7);
        return switch (k) {
            case 0, 1 -> string();
            case 2, 3 -> number();
            case 4 -> new Object[] {true, false, null}[random.nextInt(3)];
            case 5 -> array(depth + 1);
            default -> object(depth + 1);
        };
    }

    private List<Object> array(int depth) {
        int n = random.nextInt(6);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i < n - 1 && random.nextInt(5) == 0 ? Mdsf.UNDEFINED : value(depth));
        }
        return list;
    }

    private Map<String, Object> object(int depth) {
        int n = random.nextInt(6);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(key(), random.nextInt(10) == 0 ? Mdsf.UNDEFINED : value(depth));
        }
        return map;
    }

    private String key() {
        if (random.nextBoolean()) {
            return KEYS[random.nextInt(KEYS.length)];
        }
        String k = string();
        return k.equals("__proto__") || isArrayIndex(k) ? "k" + k : k;
    }

    private static boolean isArrayIndex(String k) {
        return !k.isEmpty() && k.chars().allMatch(Character::isDigit) && (k.equals("0") || k.charAt(0) != '0')
                && k.chars().allMatch(c -> c < 128);
    }

    String string() {
        int len = random.nextInt(12);
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            switch (random.nextInt(7)) {
                case 0 -> sb.append((char) (32 + random.nextInt(95)));
                case 1 -> sb.append("'\"\\/".charAt(random.nextInt(4)));
                case 2 -> sb.append((char) random.nextInt(32));
                case 3 -> sb.append("\u2028\u2029\u007f\u00e9\ufeff".charAt(random.nextInt(5)));
                case 4 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 5 -> sb.append((char) (0xD800 + random.nextInt(0x800)));
                default -> sb.append((char) random.nextInt(0x10000));
            }
        }
        return sb.toString();
    }

    Object number() {
        return switch (random.nextInt(9)) {
            case 0 -> random.nextInt(2000) - 1000;
            case 1 -> (random.nextBoolean() ? 1 : -1) * (MAX_SAFE - random.nextInt(5) + random.nextInt(5));
            case 2 -> random.nextBoolean() ? -0.0 : Double.MIN_VALUE * (1 + random.nextInt(random.nextBoolean() ? 20 : 100_000));
            case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(60) - 30);
            case 4 -> random.nextInt(1000) / 10.0;
            case 5 -> new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(10));
            case 6 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE, 1e21, 1e-7, 1e-6}[random.nextInt(7)];
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }
}
