package io.tether.core.connection;

/**
 * Gives the action processor access to a connection's counters, which nothing else may
 * change.
 */
public final class ConnectionCounters {
    private ConnectionCounters() {
    }

    /** Counts a started action; returns the pending count including it. */
    public static int started(Connection c) {
        return c.actionStarted();
    }

    /** Counts a finished action. */
    public static void finished(Connection c) {
        c.actionFinished();
    }
}
