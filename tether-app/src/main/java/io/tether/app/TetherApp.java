package io.tether.app;

import io.tether.app.config.AppConfig;
import io.tether.app.demo.DemoApplication;
import io.tether.app.demo.ServerIdentity;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;

/**
 * Assembles and starts the demo server from an {@link AppConfig}: one core with the demo
 * application, served by every configured listener. Used by {@link TetherMain} and by tests
 * (port 0 gives a free port; read it with {@code server.port("socket")}).
 *
 * <pre>{@code
 * try (TetherServer server = TetherApp.start(config)) {
 *     int port = server.port("socket");
 * }
 * }</pre>
 */
public final class TetherApp {
    private TetherApp() {
    }

    /** Builds the core and the listeners and binds them; releases everything if one fails. */
    public static TetherServer start(AppConfig config) {
        ServerIdentity identity = new ServerIdentity(config.serverId(), config.name(), config.description(),
                config.version(), TetherVersion.get(), System.currentTimeMillis());
        TetherCore core = DemoApplication.install(TetherCore.builder().processorOptions(config.actions()), identity)
                .build();
        try {
            TetherServer.Builder server = TetherServer.builder(core);
            for (SocketOptions listener : config.socketListeners()) {
                server.protocol(new SocketProtocolServer(core, listener));
            }
            // JSTP: add the JSTP listener here when its server lands (tether.jstp.* in reference.conf,
            // a --jstp-port option in TetherCommand, a JstpOptions field in AppConfig).
            return server.build().start();
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }
}
