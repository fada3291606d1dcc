package io.tether.app.it;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the demo app in-process on 127.0.0.1 and a free port. */
final class TestServers {
    private TestServers() {
    }

    static TetherServer start(Map<String, ?> overrides) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tether.socket.host", "127.0.0.1");
        all.put("tether.socket.port", 0);
        all.put("tether.socket.welcome", "Welcome to the tether test api");
        all.put("tether.jstp.host", "127.0.0.1");
        all.put("tether.jstp.port", 0);
        all.putAll(overrides);
        return TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), all), null));
    }
}
