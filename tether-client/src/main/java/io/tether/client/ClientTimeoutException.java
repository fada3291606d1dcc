package io.tether.client;

/** A call's deadline passed before its reply arrived. The call is forgotten. */
public class ClientTimeoutException extends ClientException {
    private static final long serialVersionUID = 1L;

    public ClientTimeoutException(String message) {
        super(message);
    }
}
