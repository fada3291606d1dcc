package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * All actions a server serves, by name and version. Registration happens at boot; lookups
 * are lock-free. Also knows every declared input name (a protocol may accept only declared
 * params, as the socket protocol's {@code paramAdd} does).
 */
public final class ActionRegistry {
    private final Map<String, NavigableMap<Integer, Action>> byName = new ConcurrentHashMap<>();
    private final Set<String> inputNames = ConcurrentHashMap.newKeySet();

    /** Registers an action; replacing the same name and version is an error. */
    public ActionRegistry register(Action action) {
        NavigableMap<Integer, Action> versions = byName.computeIfAbsent(action.name(),
                n -> new ConcurrentSkipListMap<>());
        if (versions.putIfAbsent(action.version(), action) != null) {
            throw new IllegalArgumentException("action " + action.name() + " version " + action.version()
                    + " is already registered");
        }
        for (Input in : action.inputs()) {
            inputNames.add(in.name());
        }
        return this;
    }

    /** The highest version of the named action, or null. */
    public Action find(String name) {
        NavigableMap<Integer, Action> versions = name == null ? null : byName.get(name);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        return versions.lastEntry().getValue();
    }

    /** The given version of the named action, or null. */
    public Action find(String name, int version) {
        NavigableMap<Integer, Action> versions = name == null ? null : byName.get(name);
        return versions == null ? null : versions.get(version);
    }

    /** Whether some registered action declares an input named {@code name}. */
    public boolean isInputName(String name) {
        return inputNames.contains(name);
    }

    /** Every registered action, sorted by name then version. */
    public List<Action> all() {
        List<Action> out = new ArrayList<>();
        new TreeMap<>(byName).values().forEach(v -> out.addAll(v.values()));
        return out;
    }
}
