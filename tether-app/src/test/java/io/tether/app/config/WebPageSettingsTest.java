package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tether.http}'s keys for browsers: Primus, ActionHero's client script, the demo pages, the JSTP browser build. */
class WebPageSettingsTest {
    private static WebPageConfig web(Map<String, ?> cli) {
        Map<String, Object> all = new java.util.HashMap<>(cli);
        all.put("tether.http.enabled", true);
        return AppConfig.from(ConfigLoader.load(null, Map.of(), all), null).http().orElseThrow().web();
    }

    @Test
    void theDefaultsServePrimusAndTheDemoPageButNoClientScript() {
        WebPageConfig web = web(Map.of());
        assertThat(web.primusPath()).isEqualTo("/primus");
        assertThat(web.primusPingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(web.clientScript()).isEmpty();
        assertThat(web.demoPage()).isTrue();
        assertThat(web.jstpClientScript()).isEmpty();
    }

    @Test
    void theKeysAreMapped() {
        WebPageConfig web = web(Map.of("tether.http.primus-path", "", "tether.http.primus-ping-interval", "5s",
                "tether.http.actionhero-client-script", "web/ActionheroWebsocketClient.js",
                "tether.http.demo-page", false,
                "tether.http.jstp-client-script", "node_modules/@metarhia/jstp/dist/jstp.umd.js"));
        assertThat(web.primusPath()).isEmpty();
        assertThat(web.primusPingInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(web.clientScript()).contains(Path.of("web/ActionheroWebsocketClient.js"));
        assertThat(web.demoPage()).isFalse();
        assertThat(web.jstpClientScript()).contains(Path.of("node_modules/@metarhia/jstp/dist/jstp.umd.js"));
    }

    @Test
    void badValuesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> web(Map.of("tether.http.primus-path", "primus")))
                .hasMessageContaining("tether.http.primus-path");
        assertThatThrownBy(() -> web(Map.of("tether.http.primus-ping-interval", "0s")))
                .hasMessageContaining("tether.http.primus-ping-interval");
    }
}
