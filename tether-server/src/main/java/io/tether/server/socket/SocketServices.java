package io.tether.server.socket;

import io.tether.server.actionhero.PublicFiles;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketWireWriter;
import io.tether.core.TetherCore;
import io.tether.server.limits.RefusalLog;
import org.slf4j.LoggerFactory;

/**
 * What every connection handler of one listener shares: the core, the options and the
 * stateless verb, action and file helpers. Immutable.
 *
 * @param core    the server's core services
 * @param options the listener's options
 * @param verbs   param/room/details/documentation verbs
 * @param actions inline and JSON action calls
 * @param files   the file verb
 * @param welcome the welcome line, built once (messages are never changed after they are made)
 * @param wire    the listener's wire writer (encoders, and room messages serialized once)
 * @param refusals where its connections' refusals are counted and logged (rate-limited)
 */
record SocketServices(TetherCore core, SocketOptions options, SocketVerbs verbs, SocketActionCaller actions,
                      SocketFileVerb files, SocketMessage welcome, SocketWireWriter wire,
                      RefusalLog refusals) {

    /** Builds the helpers for a core and options. */
    static SocketServices of(TetherCore core, SocketOptions options) {
        return new SocketServices(core, options, new SocketVerbs(core), new SocketActionCaller(core.processor()),
                new SocketFileVerb(new PublicFiles(options.publicDirectory())),
                SocketReplies.welcome(options.welcomeMessage()), new SocketWireWriter(),
                new RefusalLog(core.refusals(), LoggerFactory.getLogger(SocketConnectionHandler.class)));
    }
}
