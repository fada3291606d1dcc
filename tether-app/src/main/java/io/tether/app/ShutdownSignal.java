package io.tether.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT (Ctrl-C) into a request to stop, so the main thread can close
 * the server gracefully and exit with status 0 instead of the JVM's 143/130. SIGHUP (a closed
 * terminal, or an operator's "reload") is logged and ignored: it no longer kills the server
 * with status 129, and the configuration is only read at start.
 */
final class ShutdownSignal {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("tether");

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs the handlers; signals the platform does not know are skipped. */
    ShutdownSignal install() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> requested.countDown());
            } catch (IllegalArgumentException unsupported) {
                // e.g. a platform without this signal: the JVM's shutdown hook still applies
            }
        }
        try {
            Signal.handle(new Signal("HUP"), signal -> LOG.info("SIGHUP ignored: the configuration is read only at "
                    + "start; restart the server to apply changes (SIGTERM stops it gracefully)"));
        } catch (IllegalArgumentException unsupported) {
            // no SIGHUP on this platform
        }
        return this;
    }

    /** Blocks until a stop was requested. */
    void await() throws InterruptedException {
        requested.await();
    }
}
