package io.tether.server.jstp.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stock {@code login} policy: credentials {@code [user, password]} checked against
 * salted {@link PasswordHash}es; plain passwords are never stored. Unknown users are
 * checked against a dummy hash so that timing does not reveal which users exist.
 *
 * <pre>{@code
 * JstpAuthenticator auth = new PasswordAuthenticator(Map.of("user", PasswordHash.create("secret".toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS)));
 * }</pre>
 */
public final class PasswordAuthenticator implements JstpAuthenticator {
    private final Map<String, PasswordHash> users;
    private final PasswordHash dummy;

    /** A policy over username → hash. */
    public PasswordAuthenticator(Map<String, PasswordHash> users) {
        this.users = Map.copyOf(users);
        int iterations = this.users.values().stream().mapToInt(PasswordHash::iterations).max().orElse(1);
        this.dummy = PasswordHash.create("dummy".toCharArray(), iterations);
    }

    @Override
    public Optional<String> authenticate(String strategy, Object credentials) {
        if (!"login".equals(strategy) || !(credentials instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof String user) || !(list.get(1) instanceof String password)
                || user.isEmpty()) {
            return Optional.empty();
        }
        PasswordHash stored = users.get(user);
        boolean ok = (stored != null ? stored : dummy).matches(password.toCharArray());
        return ok && stored != null ? Optional.of(user) : Optional.empty();
    }
}
