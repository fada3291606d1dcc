package io.tether.codec.mdsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MdsfLimitsShapeTest {

    @Test
    void defaultsRoundTripThroughTheBuilder() {
        assertThat(MdsfLimits.defaults().toBuilder().build()).isEqualTo(MdsfLimits.defaults())
                .hasSameHashCodeAs(MdsfLimits.defaults());
        assertThat(MdsfLimits.builder().build()).isEqualTo(MdsfLimits.defaults());
    }

    @Test
    void aChangedValueShowsInEqualityAndText() {
        MdsfLimits changed = MdsfLimits.defaults().toBuilder().maxElements(10_000).build();
        assertThat(changed).isNotEqualTo(MdsfLimits.defaults());
        assertThat(changed.toString()).contains("maxElements=10000");
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> MdsfLimits.builder().maxDepth(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mdsf limits must be >= 1");
    }
}
