package io.tether.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessorOptionsShapeTest {

    @Test
    void defaultsRoundTripThroughTheBuilder() {
        assertThat(ProcessorOptions.defaults().toBuilder().build()).isEqualTo(ProcessorOptions.defaults())
                .hasSameHashCodeAs(ProcessorOptions.defaults());
        assertThat(ProcessorOptions.builder().build()).isEqualTo(ProcessorOptions.defaults());
        assertThat(ProcessorOptions.defaults().simultaneousActions()).isEqualTo(5);
        assertThat(ProcessorOptions.defaults().defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aChangedValueShowsInEqualityAndText() {
        ProcessorOptions changed = ProcessorOptions.defaults().toBuilder().simultaneousActions(64).build();
        assertThat(changed).isNotEqualTo(ProcessorOptions.defaults());
        assertThat(changed.toString()).contains("simultaneousActions=64");
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> ProcessorOptions.builder().simultaneousActions(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simultaneousActions");
        assertThatThrownBy(() -> ProcessorOptions.builder().defaultTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultTimeout");
    }
}
