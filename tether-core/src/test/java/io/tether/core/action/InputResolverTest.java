package io.tether.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.Formatter;
import io.tether.api.Input;
import io.tether.api.Params;
import io.tether.api.ValidationException;
import io.tether.api.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputResolverTest {
    private final InputResolver resolver = new InputResolver();
    private final Action cacheTest = Action.named("cacheTest")
            .input(Input.named("key").required().formatter(Formatter.toStringValue())
                            .validator(Validator.minLength(3, "inputs should be at least 3 letters long")),
                    Input.named("value").required().formatter(Formatter.toStringValue())
                            .validator(Validator.minLength(3, "inputs should be at least 3 letters long")))
            .handler(ctx -> null).build();

    @Test
    void dropsUnknownKeysAndFormats() {
        Params p = resolver.resolve(cacheTest, Map.of("key", List.of(1, 2, 3), "value", 123L, "other", "x"));
        assertThat(p.asMap()).containsExactly(entry("key", "1,2,3"), entry("value", "123"));
    }

    @Test
    void missingRequiredWinsOverValidatorAndAllFailuresAreKept() {
        assertThatThrownBy(() -> resolver.resolve(cacheTest, Map.of("key", "ab")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARAM_REQUIRED);
                    assertThat(e.getMessage()).isEqualTo("value is a required parameter for this action");
                    assertThat(e.failures()).containsOnlyKeys("value", "key");
                });
    }

    @Test
    void firstMissingInDeclarationOrder() {
        assertThatThrownBy(() -> resolver.resolve(cacheTest, Map.of()))
                .hasMessage("key is a required parameter for this action");
    }

    @Test
    void emptyStringCountsAsMissing() {
        assertThatThrownBy(() -> resolver.resolve(cacheTest, Map.of("key", "", "value", "abc")))
                .hasMessage("key is a required parameter for this action");
    }

    @Test
    void validatorMessageAndGenericMessage() {
        assertThatThrownBy(() -> resolver.resolve(cacheTest, Map.of("key", "ab", "value", "abc")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_INVALID))
                .hasMessage("inputs should be at least 3 letters long");
        Action a = Action.named("a").input(Input.named("n").validator(Validator.of(v -> false)))
                .handler(ctx -> null).build();
        assertThatThrownBy(() -> resolver.resolve(a, Map.of("n", 1)))
                .hasMessage("Input for parameter \"n\" failed validation!");
    }

    @Test
    void defaultsThenFormatterNaNBecomesNull() {
        Action sleep = Action.named("sleepTest")
                .input(Input.named("sleepDuration").defaultValue(1000).formatter(Formatter.toInteger()))
                .handler(ctx -> null).build();
        assertThat(resolver.resolve(sleep, Map.of()).get("sleepDuration")).isEqualTo(1000L);
        assertThat(resolver.resolve(sleep, Map.of("sleepDuration", "250ms")).get("sleepDuration")).isEqualTo(250L);
        Params nan = resolver.resolve(sleep, Map.of("sleepDuration", "abc"));
        assertThat(nan.has("sleepDuration")).isTrue();
        assertThat(nan.get("sleepDuration")).isNull();
    }

    @Test
    void formatterExceptionIsAValidationFailure() {
        Action a = Action.named("a").input(Input.named("n").formatter(v -> {
            throw new IllegalArgumentException("n must be a number");
        })).handler(ctx -> null).build();
        assertThatThrownBy(() -> resolver.resolve(a, Map.of("n", "x"))).hasMessage("n must be a number");
    }
}
