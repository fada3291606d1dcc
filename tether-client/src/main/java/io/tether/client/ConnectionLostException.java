package io.tether.client;

/**
 * The connection was closed, lost, or could not be (re)established before a call's reply
 * arrived, or a call was made while disconnected with a fail-fast policy.
 */
public class ConnectionLostException extends ClientException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
