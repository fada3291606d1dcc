package io.tether.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.app.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's own setting: {@code tether.demo} from the demo's reference.conf, TETHER_DEMO and the config. */
class DemoTest {
    @Test
    void theDefaultIsActionheroAndTheKeyIsTheDemosOwn() {
        assertThat(Demo.parse(ConfigLoader.load(null, Map.of(), Map.of()).getString(DemoApplication.DEMO_KEY)))
                .isEqualTo(Demo.ACTIONHERO);
        assertThat(Demo.parse(ConfigLoader.load(null, Map.of("TETHER_DEMO", "jstp-test"), Map.of())
                .getString(DemoApplication.DEMO_KEY))).isEqualTo(Demo.JSTP_TEST);
    }

    @Test
    void namesAreCaseInsensitiveAndTheTestAppComesWithJstpTestAndAll() {
        for (String name : List.of("jstp-test", "all", "JSTP-TEST")) {
            assertThat(Demo.parse(name).hostsJstpTestApp()).isTrue();
        }
        assertThat(Demo.parse("actionhero").hostsJstpTestApp()).isFalse();
    }

    @Test
    void anUnknownDemoNamesTheChoices() {
        assertThatThrownBy(() -> Demo.parse("chat")).isInstanceOf(TetherException.class)
                .hasMessageContaining("tether.demo").hasMessageContaining("actionhero, jstp-test, all")
                .satisfies(e -> assertThat(((TetherException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }

    @Test
    void theDemoMainsOptionSetsTheKey() {
        assertThat(DemoApplication.DEMO_OPTION.name()).isEqualTo("--demo");
        assertThat(DemoApplication.DEMO_OPTION.path()).isEqualTo("tether.demo");
    }
}
