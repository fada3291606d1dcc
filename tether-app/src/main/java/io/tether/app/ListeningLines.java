package io.tether.app;

import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.api.jstp.JstpApplication;
import io.tether.server.socket.SocketOptions;
import io.tether.server.tls.TlsContextFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The one-line descriptions of started listeners the {@code tether} command logs. */
final class ListeningLines {
    private ListeningLines() {
    }

    /** {@code socket listening on 0.0.0.0:5000 (ActionHero socket protocol, plain TCP, epoll)}. */
    static String socket(TetherServer server, SocketOptions listener) {
        return listener.name() + " listening on " + listener.host() + ":" + server.port(listener.name())
                + " (ActionHero socket protocol, " + security(listener.tls().enabled()) + ", "
                + server.transportName() + ")";
    }

    /**
     * {@code jstp listening on 0.0.0.0:4000 (JSTP, plain TCP, epoll; applications tether@1.0.0;
     * interfaces api, chat)}.
     */
    static String jstp(TetherServer server, JstpOptions listener) {
        return listener.name() + " listening on " + listener.host() + ":" + server.port(listener.name())
                + " (JSTP, " + security(listener.tls().enabled()) + ", " + server.transportName()
                + "; applications " + String.join(", ", applications(listener)) + "; interfaces "
                + listener.actionsInterface() + ", " + listener.chatInterface() + ")";
    }

    /** {@code http listening on 0.0.0.0:8080 (HTTP and WebSocket, plain TCP, epoll; JSTP at /jstp)}. */
    static String http(TetherServer server, io.tether.app.config.HttpListenerConfig listener) {
        io.tether.server.http.HttpOptions o = listener.options();
        return o.name() + " listening on " + o.host() + ":" + server.port(o.name()) + " (HTTP and WebSocket, "
                + security(o.tls().enabled()) + ", " + server.transportName()
                + (listener.jstpPath().isEmpty() ? "" : "; JSTP at " + listener.jstpPath())
                + (listener.web().primusPath().isEmpty() ? "" : "; ActionHero websocket at " + listener.web().primusPath())
                + (listener.web().demoPage() ? "; demo pages at / and /jstp.html" : "") + ")";
    }

    /** The hosted applications as {@code name@version}, the built-in one first. */
    static List<String> applications(JstpOptions listener) {
        Set<String> out = new LinkedHashSet<>();
        if (!listener.builtinApplication().isEmpty()) {
            out.add(listener.builtinApplication() + "@" + JstpProtocolServer.BUILTIN_VERSION);
        }
        for (JstpApplication app : listener.applications()) {
            out.add(app.name() + "@" + app.version());
        }
        return out.isEmpty() ? List.of("none") : new ArrayList<>(out);
    }

    private static String security(boolean tls) {
        return tls ? "TLS via " + TlsContextFactory.engine() : "plain TCP";
    }
}
