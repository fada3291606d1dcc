package io.tether.app;

import io.tether.app.config.HttpListenerConfig;
import io.tether.app.config.WebPageConfig;
import io.tether.app.web.DemoPage;
import io.tether.core.TetherCore;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.primus.PrimusEndpoint;
import io.tether.server.primus.PrimusOptions;
import io.tether.server.socket.SocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the runnable server's HTTP listener and its routes from {@code tether.http}. */
final class WebListener {
    private static final Logger LOG = LoggerFactory.getLogger(WebListener.class);

    private WebListener() {
    }

    /**
     * The listener; {@code jstp} is the JSTP listener whose WebSocket endpoint it serves, or null;
     * {@code jstpOptions} its options (for the JSTP demo page), or null; {@code socket} the (first) socket listener, whose welcome and public directory the ActionHero
     * websocket protocol shares.
     */
    static HttpProtocolServer create(TetherCore core, HttpListenerConfig config, JstpProtocolServer jstp,
                                     JstpOptions jstpOptions, SocketOptions socket) {
        WebRoutes.Builder routes = WebRoutes.builder();
        if (!config.jstpPath().isEmpty()) {
            if (jstp != null) {
                routes.webSocket(config.jstpPath(), jstp.webSocketEndpoint());
            } else {
                LOG.warn("tether.http.jstp-path is set but the JSTP listener is off (tether.jstp.enabled): "
                        + "no JSTP over WebSocket");
            }
        }
        WebPageConfig web = config.web();
        if (!web.primusPath().isEmpty()) {
            new PrimusEndpoint(core, PrimusOptions.builder().path(web.primusPath())
                    .pingInterval(web.primusPingInterval()).welcomeMessage(socket.welcomeMessage())
                    .publicDirectory(socket.publicDirectory()).clientScript(web.clientScript().orElse(null))
                    .build()).addTo(routes);
        }
        if (web.demoPage()) {
            DemoPage.Builder page = DemoPage.builder().core(core).jstpClientScript(web.jstpClientScript().orElse(null));
            if (jstp != null && jstpOptions != null && !config.jstpPath().isEmpty()) {
                page.jstp(config.jstpPath(), jstpOptions.builtinApplication(), jstpOptions.actionsInterface(),
                        jstpOptions.chatInterface());
            }
            page.build().register(routes);
        }
        return new HttpProtocolServer(core, config.options(), routes.build());
    }
}
