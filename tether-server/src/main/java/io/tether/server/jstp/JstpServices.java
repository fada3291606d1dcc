package io.tether.server.jstp;

import io.tether.core.TetherCore;
import io.tether.api.jstp.JstpApplication;

import io.tether.api.jstp.JstpInterface;
import io.tether.server.jstp.bridge.ActionsInterface;
import io.tether.core.session.resume.SessionStore;
import io.tether.server.limits.RefusalLog;
import java.util.Optional;

/**
 * What every connection of one JSTP listener shares: the core, the options, the hosted
 * applications, the session store and the built-in interfaces.
 *
 * @param core         the Tether core (actions, rooms, executors)
 * @param options      listener options
 * @param applications hosted applications (including the built-in one)
 * @param sessions     session store
 * @param actions      the actions interface
 * @param chat         the rooms interface
 * @param refusals     where its connections' refusals are counted and logged (rate-limited)
 */
record JstpServices(TetherCore core, JstpOptions options, JstpApplicationRegistry applications,
                    SessionStore sessions, ActionsInterface actions, JstpInterface chat,
                    RefusalLog refusals) {

    /** The interface of that name: the application's own first, then actions and chat. */
    Optional<JstpInterface> resolve(JstpApplication app, String name) {
        Optional<JstpInterface> own = app.iface(name);
        if (own.isPresent()) {
            return own;
        }
        if (name.equals(actions.name())) {
            return Optional.of(actions);
        }
        return name.equals(chat.name()) ? Optional.of(chat) : Optional.empty();
    }

    /** The listener. */
    JstpListener listener() {
        return options.listener();
    }
}
