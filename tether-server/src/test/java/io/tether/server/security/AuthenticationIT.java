package io.tether.server.security;

import static io.tether.server.security.SecurityServer.WAIT;
import static io.tether.server.security.SecurityServer.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.ActionMiddleware;
import io.tether.api.Admission;
import io.tether.api.CallContext;
import io.tether.api.ErrorCode;
import io.tether.api.Principal;
import io.tether.api.TetherException;
import io.tether.core.action.ProcessorOptions;
import io.tether.core.limits.Refusal;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Authentication over real sockets, one model for both protocols: a socket client logs in with
 * the {@code login} action and a JSTP client with the handshake's {@code login} strategy, and
 * actions see the same principal; actions declared {@code authenticated()} (or every action, with
 * {@code requireAuthentication}) refuse anonymous sessions; middleware reads the principal and
 * refuses with its own error; the connection policy refuses or names a connection.
 */
class AuthenticationIT {

    @Test
    void socketAndJstpClientsAuthenticateAsTheSamePrincipal() {
        try (SecurityServer s = new SecurityServer(UnaryOperator.identity(), UnaryOperator.identity())) {
            LineClient telnet = s.socket("127.0.0.1");
            assertThat(call(telnet, "whoami")).containsEntry("authenticated", false).doesNotContainKey("user");
            assertThat(call(telnet, "secret")).containsEntry("error", "authentication required");
            assertThat(call(telnet, "{\"action\":\"login\",\"params\":{\"user\":\"alice\",\"password\":\"nope\"}}"))
                    .containsEntry("error", "invalid credentials");
            assertThat(call(telnet, "{\"action\":\"login\",\"params\":{\"user\":\"alice\",\"password\":\"wonderland\"}}"))
                    .containsEntry("user", "alice").doesNotContainKey("error");
            assertThat(call(telnet, "{\"action\":\"whoami\",\"params\":{}}")).containsEntry("authenticated", true)
                    .containsEntry("user", "alice");
            assertThat(call(telnet, "secret")).containsEntry("for", "alice").doesNotContainKey("error");
            assertThat(call(telnet, "logout")).doesNotContainKey("error");
            assertThat(call(telnet, "secret")).containsEntry("error", "authentication required");

            JstpFrameClient jstp = s.jstp("127.0.0.1");
            assertThat(jstp.request("{handshake:[0,'tether'],login:['alice','nope']}", WAIT))
                    .isEqualTo("{handshake:[0],error:[11]}");
            JstpFrameClient alice = s.jstp("127.0.0.1");
            assertThat(alice.request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT)).contains("ok:");
            assertThat(alice.request("{call:[1,'api'],whoami:[]}", WAIT))
                    .startsWith("{callback:[1],ok:[{authenticated:true,user:'alice',");
            assertThat(alice.request("{call:[2,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[2],ok:[{for:'alice'}]}");

            JstpFrameClient anonymous = s.jstp("127.0.0.1");
            assertThat(anonymous.request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            assertThat(anonymous.request("{call:[1,'api'],secret:[]}", WAIT))
                    .isEqualTo("{callback:[1],error:[30,'authentication required']}");
            // the socket way works over JSTP too: the login action sets the same session principal
            assertThat(anonymous.request("{call:[2,'api'],login:['bob','builder']}", WAIT))
                    .isEqualTo("{callback:[2],ok:[{user:'bob'}]}");
            assertThat(anonymous.request("{call:[3,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[3],ok:[{for:'bob'}]}");
        }
    }

    @Test
    void requireAuthenticationRefusesEveryDefaultActionButTheOpenOnes() {
        UnaryOperator<io.tether.core.TetherCore.Builder> strict = b -> b.processorOptions(
                ProcessorOptions.defaults().toBuilder().requireAuthentication(true).build());
        try (SecurityServer s = new SecurityServer(strict, UnaryOperator.identity())) {
            LineClient telnet = s.socket("127.0.0.1");
            assertThat(call(telnet, "echo")).containsEntry("error", "authentication required");
            assertThat(call(telnet, "whoami")).containsEntry("authenticated", false); // declared anonymous()
            assertThat(call(telnet, "{\"action\":\"login\",\"params\":{\"user\":\"bob\",\"password\":\"builder\"}}"))
                    .containsEntry("user", "bob");
            assertThat(call(telnet, "{\"action\":\"echo\",\"params\":{\"text\":\"hi\"}}")).containsEntry("text", "hi")
                    .doesNotContainKey("error");

            JstpFrameClient anonymous = s.jstp("127.0.0.1");
            assertThat(anonymous.request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            assertThat(anonymous.request("{call:[1,'api'],echo:['x']}", WAIT))
                    .isEqualTo("{callback:[1],error:[30,'authentication required']}");
        }
    }

    @Test
    void middlewareReadsThePrincipalAndRefusesWithItsOwnError() {
        ActionMiddleware adminsOnly = new ActionMiddleware() {
            @Override
            public String name() {
                return "admins-only";
            }

            @Override
            public void before(CallContext context) {
                if (context.name().equals("echo") && !context.principal().map(Principal::name).orElse("").equals("bob")) {
                    throw new TetherException(ErrorCode.REJECTED, "echo is for bob only");
                }
            }
        };
        try (SecurityServer s = new SecurityServer(b -> b.middleware(adminsOnly), UnaryOperator.identity())) {
            LineClient telnet = s.socket("127.0.0.1");
            assertThat(call(telnet, "echo")).containsEntry("error", "echo is for bob only");
            call(telnet, "{\"action\":\"login\",\"params\":{\"user\":\"bob\",\"password\":\"builder\"}}");
            assertThat(call(telnet, "{\"action\":\"echo\",\"params\":{\"text\":\"hi\"}}")).containsEntry("text", "hi");

            JstpFrameClient alice = s.jstp("127.0.0.1");
            assertThat(alice.request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT)).contains("ok:");
            assertThat(alice.request("{call:[1,'api'],echo:['x']}", WAIT))
                    .isEqualTo("{callback:[1],error:[25,'echo is for bob only']}");
        }
    }

    @Test
    void theConnectionPolicyRefusesOrNamesConnectionsOfBothProtocols() {
        UnaryOperator<io.tether.core.TetherCore.Builder> policy = b -> b.connectionPolicy(attempt ->
                switch (attempt.connection().remoteIp()) {
                    case "127.0.0.2" -> Admission.refuse("not from this address");
                    case "127.0.0.3" -> Admission.accept(Principal.named("trusted-host"));
                    default -> Admission.accept();
                });
        try (SecurityServer s = new SecurityServer(policy, UnaryOperator.identity())) {
            LineClient refused = s.rawSocket("127.0.0.2");
            assertThat(refused.readLine(WAIT))
                    .isEqualTo("{\"status\":\"refused\",\"error\":\"not from this address\",\"context\":\"api\"}");
            assertThat(refused.awaitClosed(WAIT)).isTrue();
            assertThat(call(s.socket("127.0.0.3"), "whoami")).containsEntry("user", "trusted-host");
            assertThat(call(s.socket("127.0.0.1"), "whoami")).containsEntry("authenticated", false);

            JstpFrameClient refusedJstp = s.jstp("127.0.0.2");
            assertThat(refusedJstp.request("{handshake:[0,'tether']}", WAIT)).isEqualTo("{handshake:[0],error:[11]}");
            assertThat(refusedJstp.closedWithin(WAIT)).isTrue();
            JstpFrameClient trusted = s.jstp("127.0.0.3");
            assertThat(trusted.request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            assertThat(trusted.request("{call:[1,'api'],secret:[]}", WAIT))
                    .isEqualTo("{callback:[1],ok:[{for:'trusted-host'}]}");
            // a login names the user over the policy's choice
            JstpFrameClient login = s.jstp("127.0.0.3");
            assertThat(login.request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT)).contains("ok:");
            assertThat(login.request("{call:[1,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[1],ok:[{for:'alice'}]}");
            assertThat(s.core.refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(2);
        }
    }
}
