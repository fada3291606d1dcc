package io.tether.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP listener serves to browsers besides JSTP ({@code tether.http}): ActionHero's
 * websocket protocol over Primus, its client script and the demo page.
 *
 * @param primusPath         where Primus listens ({@code primus-path}); empty = not served
 * @param primusPingInterval Primus' heartbeat ({@code primus-ping-interval})
 * @param clientScript       the rendered {@code ActionheroWebsocketClient.js} to serve
 *                           ({@code actionhero-client-script}); empty = not served
 * @param demoPage           whether the demo page is served at {@code /} ({@code demo-page})
 */
public record WebPageConfig(String primusPath, Duration primusPingInterval, Optional<Path> clientScript,
                            boolean demoPage) {
    /** Checks the values. */
    public WebPageConfig {
        Objects.requireNonNull(primusPath, "primusPath");
        Objects.requireNonNull(primusPingInterval, "primusPingInterval");
        Objects.requireNonNull(clientScript, "clientScript");
    }
}
