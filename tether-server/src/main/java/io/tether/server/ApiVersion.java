package io.tether.server;

import io.tether.api.Values;
import io.tether.core.action.ActionProcessor;

/**
 * ActionHero's {@code apiVersion} param, which both protocols honour (the socket protocol's
 * params, the JSTP {@code api} interface's named params): absent or empty selects the highest
 * version; an integer selects that version; anything else selects none.
 */
public final class ApiVersion {
    private ApiVersion() {
    }

    /** The version to pass to {@link ActionProcessor#process(io.tether.core.session.Session, String, Integer, java.util.Map)}. */
    public static Integer of(Object apiVersion) {
        if (apiVersion == null || (apiVersion instanceof String s && s.isEmpty())) {
            return null;
        }
        Long v = Values.parseIntegerOrNull(apiVersion);
        return v == null ? ActionProcessor.NO_SUCH_VERSION : Integer.valueOf(v.intValue());
    }
}
