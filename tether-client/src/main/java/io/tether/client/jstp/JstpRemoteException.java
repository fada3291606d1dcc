package io.tether.client.jstp;

import io.tether.client.ClientException;
import java.util.List;
import java.util.Map;

/**
 * A JSTP error: from the peer ({@code error:[code, message, info…]} in a callback or
 * handshake reply) or local ({@link #CALLBACK_LOST} −1, {@link #NO_HANDSHAKE_RESPONSE} −2).
 * A missing message becomes the protocol's default text for a known code (e.g. 12 →
 * {@code Interface not found}), or the code as text.
 */
public class JstpRemoteException extends ClientException {
    private static final long serialVersionUID = 1L;

    /** Local: the call's reply was lost with the transport (the server did receive it). */
    public static final int CALLBACK_LOST = -1;
    /** Local: the transport closed before the handshake reply. */
    public static final int NO_HANDSHAKE_RESPONSE = -2;
    public static final int APP_NOT_FOUND = 10;
    public static final int AUTH_FAILED = 11;
    public static final int INTERFACE_NOT_FOUND = 12;
    public static final int INTERFACE_INCOMPATIBLE = 13;
    public static final int METHOD_NOT_FOUND = 14;
    public static final int NOT_A_SERVER = 15;
    public static final int INTERNAL_API_ERROR = 16;
    public static final int INVALID_SIGNATURE = 17;

    private static final Map<Integer, String> DEFAULTS = Map.of(
            CALLBACK_LOST, "Connection closed before receiving callback",
            NO_HANDSHAKE_RESPONSE, "Connection closed before receiving handshake",
            APP_NOT_FOUND, "Application not found",
            AUTH_FAILED, "Authentication failed",
            INTERFACE_NOT_FOUND, "Interface not found",
            INTERFACE_INCOMPATIBLE, "Incompatible interface",
            METHOD_NOT_FOUND, "Method not found",
            NOT_A_SERVER, "Not a server",
            INTERNAL_API_ERROR, "Internal API error",
            INVALID_SIGNATURE, "Invalid signature");

    private final int code;
    private final transient List<Object> info;

    public JstpRemoteException(int code, String message, List<Object> info) {
        super(message != null ? message : defaultMessage(code));
        this.code = code;
        this.info = info == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(info));
    }

    /** A local or standard error with its default text. */
    public JstpRemoteException(int code) {
        this(code, null, null);
    }

    /** Builds the exception from a wire error array {@code [code, message?, info…]}. */
    public static JstpRemoteException fromWire(List<Object> error) {
        int code = !error.isEmpty() && error.get(0) instanceof Number n ? n.intValue() : 1;
        String message = error.size() > 1 && error.get(1) instanceof String s ? s : null;
        List<Object> info = error.size() > 2 ? error.subList(2, error.size()) : List.of();
        return new JstpRemoteException(code, message, info);
    }

    /**
     * The protocol's default text for a known code (e.g. 11 → {@code Authentication failed}), or
     * the code as text.
     */
    public static String defaultMessage(int code) {
        return DEFAULTS.getOrDefault(code, String.valueOf(code));
    }

    /** The numeric code. */
    public int code() {
        return code;
    }

    /** Extra values after the message. */
    public List<Object> info() {
        return info;
    }

    /** The wire form {@code [code, message, info…]} (for locally hosted methods). */
    public List<Object> toWire() {
        List<Object> wire = new java.util.ArrayList<>();
        wire.add(code);
        if (code < 10 || code > 17) {
            wire.add(getMessage());
            wire.addAll(info);
        }
        return wire;
    }
}
