package io.tether.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminOptionsShapeTest {

    @Test
    void defaultsRoundTripThroughTheBuilder() {
        assertThat(AdminOptions.defaults().toBuilder().build()).isEqualTo(AdminOptions.defaults())
                .hasSameHashCodeAs(AdminOptions.defaults());
        assertThat(AdminOptions.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(AdminOptions.defaults().requestTimeout()).isEqualTo(AdminOptions.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void aChangedValueShowsInEqualityAndText() {
        AdminOptions changed = AdminOptions.defaults().toBuilder().port(9100).build();
        assertThat(changed).isNotEqualTo(AdminOptions.defaults());
        assertThat(changed.toString()).contains("port=9100");
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
    }

    @Test
    void invalidValuesAreRejectedWithTheConfigurationKey() {
        assertThatThrownBy(() -> AdminOptions.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tether.admin.port");
        assertThatThrownBy(() -> AdminOptions.builder().requestTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tether.admin.request-timeout");
    }
}
