package io.tether.server.socket;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.core.action.ActionRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The historical {@code documentation} verb payload built from the registry:
 * {@code {name:{version:{name,version,description,inputs,outputExample:{}}}}} (the reference
 * server answers the verb with an error).
 */
final class ActionDocumentation {
    private ActionDocumentation() {
    }

    /** An unmodifiable snapshot of the registry's documentation. */
    static Map<String, Object> of(ActionRegistry registry) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Action a : registry.all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> versions = (Map<String, Object>) byName.computeIfAbsent(a.name(),
                    n -> new LinkedHashMap<String, Object>());
            versions.put(String.valueOf(a.version()), describe(a));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, Object> describe(Action a) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Input in : a.inputs()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("required", in.isRequired());
            if (!in.description().isEmpty()) {
                doc.put("description", in.description());
            }
            inputs.put(in.name(), doc);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", a.name());
        d.put("version", a.version());
        d.put("description", a.description());
        d.put("inputs", inputs);
        d.put("outputExample", Map.of());
        return d;
    }
}
