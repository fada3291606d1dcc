package io.tether.server.primus;

import io.netty.channel.group.ChannelGroup;
import io.tether.codec.primus.PrimusCodec;
import io.tether.core.TetherCore;
import io.tether.server.limits.RefusalLog;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * What every Primus connection of one endpoint shares. Immutable.
 *
 * @param core     the server's core services
 * @param options  the endpoint's options
 * @param codec    the Primus wire format
 * @param events   the ActionHero events mapped to the core
 * @param welcome  the welcome message
 * @param refusals where refusals are counted and logged (rate-limited)
 * @param channels the endpoint's open Primus connections
 */
record PrimusServices(TetherCore core, PrimusOptions options, PrimusCodec codec, PrimusEvents events,
                      Map<String, Object> welcome, RefusalLog refusals, ChannelGroup channels) {

    static PrimusServices of(TetherCore core, PrimusOptions options, ChannelGroup channels) {
        return new PrimusServices(core, options, new PrimusCodec(), new PrimusEvents(core, options),
                PrimusReplies.welcome(options.welcomeMessage()),
                new RefusalLog(core.refusals(), LoggerFactory.getLogger(PrimusConnectionHandler.class)), channels);
    }
}
