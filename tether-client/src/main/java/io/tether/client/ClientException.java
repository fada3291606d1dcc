package io.tether.client;

/**
 * Root of the client's unchecked exceptions. Futures returned by the clients fail with a
 * subclass: {@link ClientTimeoutException} when the deadline passes,
 * {@link ConnectionLostException} when the connection closed before the reply arrived or the
 * client is not connected, or a protocol-specific remote error.
 */
public class ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClientException(String message) {
        super(message);
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
