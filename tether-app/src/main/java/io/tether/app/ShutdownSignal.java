package io.tether.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT (Ctrl-C) into a request to stop, so the main thread can close
 * the server gracefully and exit with status 0 instead of the JVM's 143/130. SIGHUP (an
 * operator's "reload", or a closed terminal) runs the given reload action instead of killing the
 * server with status 129: the {@code tether} command reloads the TLS certificates there; every
 * other setting is only read at start.
 */
final class ShutdownSignal {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("tether");

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs the handlers; signals the platform does not know are skipped. */
    ShutdownSignal install(Runnable onHangup) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> requested.countDown());
            } catch (IllegalArgumentException unsupported) {
                // e.g. a platform without this signal: the JVM's shutdown hook still applies
            }
        }
        try {
            // runs on the JVM's signal thread, never an event loop: reading certificate files is fine here
            sun.misc.SignalHandler previous = Signal.handle(new Signal("HUP"), signal -> {
                try {
                    onHangup.run();
                } catch (RuntimeException e) {
                    LOG.error("SIGHUP: reload failed: {}", e.toString());
                }
            });
            if (previous == sun.misc.SignalHandler.SIG_IGN) {
                // started with SIGHUP ignored (nohup): the JVM keeps it ignored and installs nothing
                LOG.warn("SIGHUP is ignored by this process (started under nohup?): no certificate reload on "
                        + "SIGHUP; the file watch (reload-check-interval) still reloads");
            }
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
