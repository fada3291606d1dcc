package io.tether.server.socket;

import io.tether.core.TetherCore;

/**
 * What every connection handler of one listener shares: the core, the options and the
 * stateless verb, action and file helpers. Immutable.
 *
 * @param core    the server's core services
 * @param options the listener's options
 * @param verbs   param/room/details/documentation verbs
 * @param actions inline and JSON action calls
 * @param files   the file verb
 */
record SocketServices(TetherCore core, SocketOptions options, SocketVerbs verbs, SocketActionCaller actions,
                      SocketFileVerb files) {

    /** Builds the helpers for a core and options. */
    static SocketServices of(TetherCore core, SocketOptions options) {
        return new SocketServices(core, options, new SocketVerbs(core), new SocketActionCaller(core.processor()),
                new SocketFileVerb(new PublicFiles(options.publicDirectory())));
    }
}
