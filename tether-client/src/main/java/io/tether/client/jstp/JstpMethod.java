package io.tether.client.jstp;

import java.util.List;

/**
 * A method the client hosts for the server to call. Runs on a virtual thread; returns the
 * result list ({@code ok:[…]}); throws {@link JstpRemoteException} for an application error
 * (sent as {@code [code, message, info…]}); any other exception is answered with {@code [16]}.
 */
@FunctionalInterface
public interface JstpMethod {
    List<?> invoke(List<Object> args) throws Exception;
}
