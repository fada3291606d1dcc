package io.tether.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP listener serves to browsers besides JSTP ({@code tether.http}): ActionHero's
 * websocket protocol over Primus, its client script, the demo pages and the JSTP browser build.
 *
 * @param primusPath         where Primus listens ({@code primus-path}); empty = not served
 * @param primusPingInterval Primus' heartbeat ({@code primus-ping-interval})
 * @param clientScript       the rendered {@code ActionheroWebsocketClient.js} to serve
 *                           ({@code actionhero-client-script}); empty = not served
 * @param demoPage           whether the demo pages are served at {@code /} and {@code /jstp.html}
 *                           ({@code demo-page})
 * @param jstpClientScript   {@code @metarhia/jstp}'s browser build ({@code dist/jstp.umd.js}) to
 *                           serve for the JSTP page ({@code jstp-client-script}); empty = not served
 */
public record WebPageConfig(String primusPath, Duration primusPingInterval, Optional<Path> clientScript,
                            boolean demoPage, Optional<Path> jstpClientScript) {
    /** Checks the values. */
    public WebPageConfig {
        Objects.requireNonNull(primusPath, "primusPath");
        Objects.requireNonNull(primusPingInterval, "primusPingInterval");
        Objects.requireNonNull(clientScript, "clientScript");
        Objects.requireNonNull(jstpClientScript, "jstpClientScript");
    }
}
