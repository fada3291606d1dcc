package io.tether.core.action;

import java.util.List;
import java.util.Objects;

/**
 * What a protocol adapter tells the pipeline about a JSTP method call or client event: the
 * interface, the member name, the arguments and how to abort the transport that carried it.
 *
 * @param iface  interface name
 * @param member method or event name
 * @param args   the arguments (kept as given; the context exposes them unmodifiable)
 * @param abort  closes the carrying transport at once without answering (see
 *               {@link io.tether.api.MethodContext#abortTransport()})
 */
public record MethodCall(String iface, String member, List<Object> args, Runnable abort) {
    /** Validates. */
    public MethodCall {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(abort, "abort");
    }
}
