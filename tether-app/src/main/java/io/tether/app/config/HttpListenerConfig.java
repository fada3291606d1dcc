package io.tether.app.config;

import io.tether.server.http.HttpOptions;
import java.util.Objects;

/**
 * The HTTP listener of the runnable server ({@code tether.http}) and what it serves.
 *
 * @param options  the listener's options
 * @param jstpPath where JSTP over WebSocket is served ({@code tether.http.jstp-path}); empty = not served
 * @param web      ActionHero's websocket protocol, its client script and the demo page
 */
public record HttpListenerConfig(HttpOptions options, String jstpPath, WebPageConfig web) {
    /** Checks the values. */
    public HttpListenerConfig {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(jstpPath, "jstpPath");
        Objects.requireNonNull(web, "web");
    }
}
