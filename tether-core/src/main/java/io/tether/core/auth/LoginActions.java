package io.tether.core.auth;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.Input;
import io.tether.api.Principal;
import io.tether.api.TetherException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ready-made {@code login} / {@code logout} / {@code whoami} actions: the ActionHero way to
 * authenticate a socket client (an action that checks credentials and marks the connection),
 * with the principal set on the core session, so middleware, actions, rooms and logs see it. A
 * JSTP client may call them too (as {@code api.login}), though the JSTP handshake's
 * {@code login} strategy is its native way; both end in the same principal.
 *
 * <pre>{@code
 * CredentialCheck users = (user, password, from) -> store.verify(user, password)
 *         ? Optional.of(Principal.named(user)) : Optional.empty();
 * TetherCore core = TetherCore.builder().action(LoginActions.login(users), LoginActions.logout(),
 *         LoginActions.whoami()).build();
 * }</pre>
 *
 * <p>Over the socket protocol: {@code {"action":"login","params":{"user":"alice","password":"s3cret"}}}
 * answers {@code {"user":"alice",...}} or the error {@value #INVALID}. The password then stays
 * in the connection's sticky params only until the next JSON request replaces them; clients
 * should send a JSON request (not {@code paramAdd}) and may follow it with {@code paramsDelete}.
 */
public final class LoginActions {
    /** The error text of refused credentials ({@link ErrorCode#AUTH_FAILED}). */
    public static final String INVALID = "invalid credentials";

    private LoginActions() {
    }

    /**
     * The {@code login} action (inputs {@code user}, {@code password}; open to anonymous
     * sessions): checks the credentials and authenticates the caller's session.
     */
    public static Action login(CredentialCheck check) {
        return Action.named("login").description("Authenticates this connection's session")
                .input(Input.named("user").required(), Input.named("password").required())
                .anonymous()
                .handler(ctx -> {
                    Optional<Principal> who = check.check(ctx.params().string("user"),
                            ctx.params().string("password"), ctx.connection());
                    if (who.isEmpty()) {
                        throw new TetherException(ErrorCode.AUTH_FAILED, INVALID);
                    }
                    ctx.session().authenticate(who.get());
                    return Map.of("user", who.get().name());
                }).build();
    }

    /** The {@code logout} action: makes the caller's session anonymous again. */
    public static Action logout() {
        return Action.named("logout").description("Makes this connection's session anonymous again")
                .anonymous().nonBlocking()
                .handler(ctx -> {
                    ctx.session().signOut();
                    return Map.of();
                }).build();
    }

    /**
     * The {@code whoami} action: {@code authenticated}, the principal's name as {@code user}
     * (absent when anonymous) and the session id.
     */
    public static Action whoami() {
        return Action.named("whoami").description("Who this session is authenticated as")
                .anonymous().nonBlocking()
                .handler(ctx -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("authenticated", ctx.principal().isPresent());
                    ctx.principal().ifPresent(p -> out.put("user", p.name()));
                    out.put("session", ctx.session().id());
                    return out;
                }).build();
    }
}
