package io.tether.client.socket;

/** What a call made while the client is not connected does. */
public enum DisconnectedPolicy {
    /** Fail at once with {@link io.tether.client.ConnectionLostException}. */
    FAIL_FAST,
    /**
     * Wait (within the call's own deadline) until the client has reconnected and restored
     * its rooms and params, then send. Fails when the deadline passes or reconnection is
     * given up. This is the default.
     */
    WAIT_FOR_RECONNECT
}
