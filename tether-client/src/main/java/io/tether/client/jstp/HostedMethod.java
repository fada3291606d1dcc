package io.tether.client.jstp;

import java.util.List;

/**
 * A method the client hosts for the server to call (see {@link LocalApplication}): a function of
 * the call's arguments. Runs on a virtual thread; returns the result list ({@code ok:[…]});
 * throws {@link JstpRemoteException} for an application error (sent as
 * {@code [code, message, info…]}); any other exception is answered with {@code [16]}. Not the
 * server's {@code io.tether.api.jstp.JstpMethod}: a client has no session, rooms, cache or
 * middleware to give a method, so it gets only the arguments.
 */
@FunctionalInterface
public interface HostedMethod {
    /** Runs the method with the call's arguments. */
    List<?> invoke(List<Object> args) throws Exception;
}
