package io.tether.server.security;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.api.Principal;
import io.tether.core.TetherCore;
import io.tether.core.auth.CredentialCheck;
import io.tether.core.auth.LoginActions;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A server with both protocols on one core, the login actions over one user table (the same
 * table is the JSTP listener's authenticator, so both protocols end in the same principal), an
 * {@code echo} action open to all and a {@code secret} action for authenticated sessions.
 */
final class SecurityServer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Map<String, String> USERS = Map.of("alice", "wonderland", "bob", "builder");
    /** One table of users for both protocols. */
    static final CredentialCheck CHECK = (user, password, from) -> password != null && password.equals(USERS.get(user))
            ? Optional.of(Principal.named(user)) : Optional.empty();

    final TetherCore core;
    final TetherServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    SecurityServer(UnaryOperator<TetherCore.Builder> coreOptions, UnaryOperator<JstpOptions.Builder> jstpOptions) {
        core = coreOptions.apply(TetherCore.builder()
                .action(LoginActions.login(CHECK), LoginActions.logout(), LoginActions.whoami(), echo(), secret())
                .room("defaultRoom", "staffRoom")).build();
        JstpAuthenticator authenticator = (strategy, credentials) -> credentials instanceof List<?> l && l.size() == 2
                ? CHECK.check(String.valueOf(l.get(0)), String.valueOf(l.get(1)), null).map(Principal::name)
                : Optional.empty();
        SocketOptions socket = SocketOptions.defaults().toBuilder().host("0.0.0.0").port(0).build();
        JstpOptions jstp = jstpOptions.apply(JstpOptions.defaults().toBuilder().host("0.0.0.0").port(0)
                .authenticator(authenticator)).build();
        server = TetherServer.builder(core).protocol(new SocketProtocolServer(core, socket))
                .protocol(new JstpProtocolServer(core, jstp)).build().start();
    }

    static Action echo() {
        return Action.named("echo").input(Input.named("text")).nonBlocking()
                .handler(ctx -> Map.of("text", String.valueOf(ctx.params().get("text")))).build();
    }

    static Action secret() {
        return Action.named("secret").authenticated().nonBlocking()
                .handler(ctx -> Map.of("for", ctx.principal().orElseThrow().name())).build();
    }

    /** A socket client from {@code from} (a loopback address) whose welcome was read. */
    LineClient socket(String from) {
        LineClient c = rawSocket(from);
        c.readLine(WAIT);
        return c;
    }

    LineClient rawSocket(String from) {
        LineClient c = LineClient.connectFrom(from, "127.0.0.1", server.port("socket"));
        clients.add(c);
        return c;
    }

    JstpFrameClient jstp(String from) {
        JstpFrameClient c = JstpFrameClient.connectFrom(from, "127.0.0.1", server.port("jstp"));
        clients.add(c);
        return c;
    }

    static Map<String, Object> call(LineClient c, String line) {
        c.send(line);
        return c.readMap(WAIT);
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        server.close();
    }
}
