package io.tether.server.jstp.wire;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.action.ErrorPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JSTP wire form of errors: the numeric code of each {@link ErrorCode} (the JSTP
 * standard codes 10–17, Tether's own from 1 and 20 up) and the error arrays. Standard codes
 * travel as {@code [code]}, except {@link ErrorCode#INTERNAL_ERROR}, sent as
 * {@code [16, "internal error (ref …)"]} so the client can quote the ref the server logged;
 * other codes as {@code [code, message]}; an exception with an explicit protocol code exactly
 * as {@code [protocolCode, message, info…]}; anything that is not a {@link TetherException}
 * is first turned into an internal error by the {@link ErrorPolicy}.
 */
public final class JstpErrors {
    private JstpErrors() {
    }

    /** The JSTP number of a code. */
    public static int code(ErrorCode code) {
        return switch (code) {
            case APPLICATION_ERROR -> 1;
            case APP_NOT_FOUND -> 10;
            case AUTH_FAILED -> 11;
            case INTERFACE_NOT_FOUND -> 12;
            case INTERFACE_INCOMPATIBLE -> 13;
            case ACTION_NOT_FOUND -> 14;
            case NOT_A_SERVER -> 15;
            case INTERNAL_ERROR -> 16;
            case INVALID_SIGNATURE -> 17;
            case PARAM_REQUIRED -> 20;
            case PARAM_INVALID -> 21;
            case TOO_MANY_PENDING -> 22;
            case SHUTTING_DOWN -> 23;
            case ACTION_TIMEOUT -> 24;
            case REJECTED -> 25;
            case ROOM_NOT_FOUND -> 30;
            case NOT_IN_ROOM -> 31;
            case ALREADY_IN_ROOM -> 32;
            case ROOM_ARGUMENTS_REQUIRED -> 33;
            case FILE_NOT_FOUND -> 40;
            case DATA_TOO_LONG -> 41;
            case PROTOCOL_ERROR -> 42;
            case CLUSTER_UNAVAILABLE -> 50;
            case CONFIGURATION_ERROR -> 60;
            case PEER_TIMEOUT -> 26;
            case CALLBACK_LOST -> 27;
            case SESSION_CLOSED -> 28;
            case SESSION_MOVED -> 29;
            case NOT_AUTHENTICATED -> 30;
            case FORBIDDEN -> 31;
            case RATE_LIMITED -> 32;
        };
    }

    /** Whether the code is a JSTP standard code (10–17), sent without text. */
    static boolean isStandard(ErrorCode code) {
        int n = code(code);
        return n >= 10 && n <= 17;
    }

    /** The error array for a failure of a method or an action ({@code what} names it in the log). */
    public static List<Object> of(Throwable failure, String what) {
        return of(ErrorPolicy.toClient(failure, what));
    }

    /** The error array for an error a client may read. */
    public static List<Object> of(TetherException e) {
        OptionalInt explicit = e.protocolCode();
        if (explicit.isPresent()) {
            List<Object> out = new ArrayList<>(2 + e.info().size());
            out.add(explicit.getAsInt());
            String message = e.getMessage();
            if (!message.isEmpty() || !e.info().isEmpty()) {
                out.add(message);
            }
            out.addAll(e.info());
            return out;
        }
        return of(e.code(), e.getMessage());
    }

    /** The error array for a code and message. */
    public static List<Object> of(ErrorCode code, String message) {
        if ((isStandard(code) && code != ErrorCode.INTERNAL_ERROR) || message == null || message.isEmpty()) {
            return List.of(code(code));
        }
        List<Object> out = new ArrayList<>(2);
        out.add(code(code));
        out.add(message);
        return out;
    }

    /** The error array of a code alone. */
    public static List<Object> of(ErrorCode code) {
        return List.of(code(code));
    }
}
