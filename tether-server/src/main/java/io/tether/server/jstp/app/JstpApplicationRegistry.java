package io.tether.server.jstp.app;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * The applications a server hosts and the version selection of spec §6: no version → the
 * highest; an exact version → exactly that string; otherwise an npm range → the highest
 * satisfying version (prereleases excluded unless the range names one); else not found.
 */
public final class JstpApplicationRegistry {
    /** npm {@code semver.valid}: an optional {@code v}/{@code =} prefix and a full version. */
    private static final Pattern EXACT = Pattern.compile(
            "^\\s*[v=]*\\s*\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?\\s*$");

    private final Map<String, Map<String, JstpApplication>> byName = new ConcurrentHashMap<>();

    /** A registry holding the given applications. */
    public JstpApplicationRegistry(Collection<JstpApplication> apps) {
        apps.forEach(this::register);
    }

    /** Adds an application; the same name and version twice is an error. */
    public void register(JstpApplication app) {
        Map<String, JstpApplication> versions = byName.computeIfAbsent(app.name(), n -> new ConcurrentHashMap<>());
        if (versions.putIfAbsent(app.version(), app) != null) {
            throw new IllegalArgumentException("application " + app + " is already registered");
        }
    }

    /** Selects an application by name and the requested version or range (null: highest). */
    public Optional<JstpApplication> select(String name, String requested) {
        Map<String, JstpApplication> versions = name == null ? null : byName.get(name);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        if (requested == null || requested.isEmpty()) {
            if (versions.size() == 1) { // the common case: no version parsing per handshake
                return Optional.of(versions.values().iterator().next());
            }
            return highest(versions.values().stream().toList());
        }
        if (EXACT.matcher(requested).matches()) {
            return Optional.ofNullable(versions.get(requested));
        }
        RangeList range = parseRange(requested);
        if (range == null) {
            return Optional.empty();
        }
        return highest(versions.values().stream()
                .filter(a -> new Semver(a.version()).satisfies(range)).toList());
    }

    private static RangeList parseRange(String requested) {
        try {
            RangeList range = RangeListFactory.create(requested, false);
            return range.get().isEmpty() ? null : range;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<JstpApplication> highest(List<JstpApplication> apps) {
        return apps.stream().max(Comparator.comparing(a -> new Semver(a.version())));
    }

    /** Every hosted application. */
    public List<JstpApplication> all() {
        return byName.values().stream().flatMap(v -> v.values().stream()).toList();
    }
}
