package io.tether.app;

import io.tether.app.config.HttpListenerConfig;
import io.tether.core.TetherCore;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import io.tether.server.jstp.JstpProtocolServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the runnable server's HTTP listener and its routes from {@code tether.http}. */
final class WebListener {
    private static final Logger LOG = LoggerFactory.getLogger(WebListener.class);

    private WebListener() {
    }

    /** The listener; {@code jstp} is the JSTP listener whose WebSocket endpoint it serves, or null. */
    static HttpProtocolServer create(TetherCore core, HttpListenerConfig config, JstpProtocolServer jstp) {
        WebRoutes.Builder routes = WebRoutes.builder();
        if (!config.jstpPath().isEmpty()) {
            if (jstp != null) {
                routes.webSocket(config.jstpPath(), jstp.webSocketEndpoint());
            } else {
                LOG.warn("tether.http.jstp-path is set but the JSTP listener is off (tether.jstp.enabled): "
                        + "no JSTP over WebSocket");
            }
        }
        return new HttpProtocolServer(core, config.options(), routes.build());
    }
}
