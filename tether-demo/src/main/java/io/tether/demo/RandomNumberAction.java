package io.tether.demo;

import io.tether.api.Action;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Demo action {@code randomNumber}: no inputs, replies
 * {@code {randomNumber: <0..1>, stringRandomNumber: "Your random number is <same>"}}.
 */
public final class RandomNumberAction {
    private RandomNumberAction() {
    }

    /** The action definition. */
    public static Action create() {
        return Action.named("randomNumber")
                .description("Generates a random number")
                .handler(ctx -> reply(ThreadLocalRandom.current().nextDouble()))
                .nonBlocking() // pure computation: runs on the I/O thread
                .build();
    }

    static Map<String, Object> reply(double number) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("randomNumber", number);
        out.put("stringRandomNumber", "Your random number is " + plain(number));
        return out;
    }

    /** The decimal form without exponent or trailing zeros (0.0001, not 1.0E-4). */
    static String plain(double number) {
        if (number == 0) {
            return "0";
        }
        if (Math.abs(number) >= 1e-3 && Math.abs(number) < 1e7 && number != Math.rint(number)) {
            return Double.toString(number); // already plain and shortest in this range
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
