package io.tether.client.socket;

import io.tether.client.ClientException;

/**
 * The server answered with an {@code error} (or a non-OK {@code status}); the whole reply is
 * kept (an action may have set fields before failing).
 */
public class SocketRemoteException extends ClientException {
    private static final long serialVersionUID = 1L;
    private final transient SocketReply reply;

    public SocketRemoteException(String error, SocketReply reply) {
        super(error);
        this.reply = reply;
    }

    /** The error text as sent by the server. */
    public String error() {
        return getMessage();
    }

    /** The complete reply. */
    public SocketReply reply() {
        return reply;
    }
}
