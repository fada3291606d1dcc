package io.tether.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, for the default server id. */
final class HostName {
    private HostName() {
    }

    static String local() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "tether-" + ProcessHandle.current().pid();
        }
    }
}
