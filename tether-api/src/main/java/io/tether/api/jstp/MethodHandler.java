package io.tether.api.jstp;

import io.tether.api.MethodContext;
import java.util.List;

/**
 * The body of a JSTP method: returns the result list ({@code ok:[…]}; null means
 * {@code ok:[]}). Throw a {@link io.tether.api.TetherException} for an error the client
 * should read (its message is sent; {@code TetherException.withProtocolCode} chooses the
 * code); any other exception is answered as an internal error with a correlation id.
 */
@FunctionalInterface
public interface MethodHandler {
    /** Runs the method. */
    List<?> handle(MethodContext ctx) throws Exception;
}
