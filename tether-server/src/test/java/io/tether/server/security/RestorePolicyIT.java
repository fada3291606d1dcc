package io.tether.server.security;

import static io.tether.server.security.SecurityServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Admission;
import io.tether.api.ConnectAttempt;
import io.tether.api.Principal;
import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.testkit.JstpFrameClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The connection policy decides JSTP restores too, over real sockets from several loopback
 * addresses: a restore from a refused address gets {@code [11]} and is closed while the session
 * stays restorable (and its owner's connection untouched); the policy reads the session's
 * principal; {@code accept()} keeps it, {@code accept(principal)} replaces it.
 */
class RestorePolicyIT {
    private static final Pattern TOKEN = Pattern.compile("^\\{handshake:\\[0\\],ok:'([^']+)'\\}$");

    private static String token(String reply) {
        Matcher m = TOKEN.matcher(reply);
        assertThat(m.matches()).as("handshake reply %s", reply).isTrue();
        return m.group(1);
    }

    private static String restore(String token) {
        return "{handshake:[0,'tether'],session:['" + token + "',0]}";
    }

    @Test
    void aRestoreFromARefusedAddressIsRefusedWhileTheOwnerCanStillRestore() {
        List<ConnectAttempt> seen = new CopyOnWriteArrayList<>();
        UnaryOperator<TetherCore.Builder> policy = b -> b.connectionPolicy(attempt -> {
            seen.add(attempt);
            return attempt.connection().remoteIp().equals("127.0.0.2") ? Admission.refuse("not from this address")
                    : Admission.accept();
        });
        try (SecurityServer s = new SecurityServer(policy, UnaryOperator.identity())) {
            JstpFrameClient alice = s.jstp("127.0.0.1");
            String token = token(alice.request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT));
            assertThat(alice.request("{call:[1,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[1],ok:[{for:'alice'}]}");

            // the token from a refused address: [11] and closed, the owner's connection is not taken over
            JstpFrameClient thief = s.jstp("127.0.0.2");
            assertThat(thief.request(restore(token), WAIT)).isEqualTo("{handshake:[0],error:[11]}");
            assertThat(thief.closedWithin(WAIT)).isTrue();
            assertThat(s.core.refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(1);
            assertThat(alice.request("{call:[2,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[2],ok:[{for:'alice'}]}");
            alice.close();

            // detached now: refused again, and the session is still there for its owner
            JstpFrameClient thief2 = s.jstp("127.0.0.2");
            assertThat(thief2.request(restore(token), WAIT)).isEqualTo("{handshake:[0],error:[11]}");
            assertThat(thief2.closedWithin(WAIT)).isTrue();
            assertThat(s.core.refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(2);

            JstpFrameClient back = s.jstp("127.0.0.3");
            assertThat(back.request(restore(token), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(back.request("{call:[3,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[3],ok:[{for:'alice'}]}");
            assertThat(s.core.refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(2);

            // what the policy saw: one new session, then restores with the session's principal
            ConnectAttempt opened = seen.get(0);
            assertThat(opened.restore()).isFalse();
            assertThat(opened.sessionPrincipal()).isEmpty();
            assertThat(seen).hasSize(4);
            for (ConnectAttempt a : seen.subList(1, 4)) {
                assertThat(a.restore()).isTrue();
                assertThat(a.sessionPrincipal()).map(Principal::name).contains("alice");
                assertThat(a.transportPrincipal()).isEmpty();
                assertThat(a.connection().type()).isEqualTo("jstp");
                assertThat(a.connection().id()).isEqualTo(opened.connection().id());
            }
            assertThat(seen.get(1).connection().remoteIp()).isEqualTo("127.0.0.2");
            assertThat(seen.get(3).connection().remoteIp()).isEqualTo("127.0.0.3");
        }
    }

    @Test
    void thePolicyReadsTheSessionsPrincipalAndMayRenameIt() {
        // alice may restore only from 127.0.0.1; a restore from 127.0.0.4 is named by the policy
        UnaryOperator<TetherCore.Builder> policy = b -> b.connectionPolicy(attempt -> {
            if (!attempt.restore()) {
                return Admission.accept();
            }
            String ip = attempt.connection().remoteIp();
            boolean isAlice = attempt.sessionPrincipal().map(Principal::name).equals(Optional.of("alice"));
            if (isAlice && !ip.equals("127.0.0.1")) {
                return Admission.refuse("alice restores only from her host");
            }
            return ip.equals("127.0.0.4") ? Admission.accept(Principal.named("kiosk")) : Admission.accept();
        });
        try (SecurityServer s = new SecurityServer(policy, UnaryOperator.identity())) {
            JstpFrameClient alice = s.jstp("127.0.0.1");
            String aliceToken = token(alice.request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT));
            JstpFrameClient bob = s.jstp("127.0.0.1");
            String bobToken = token(bob.request("{handshake:[0,'tether'],login:['bob','builder']}", WAIT));
            alice.close();
            bob.close();

            JstpFrameClient aliceElsewhere = s.jstp("127.0.0.3");
            assertThat(aliceElsewhere.request(restore(aliceToken), WAIT)).isEqualTo("{handshake:[0],error:[11]}");
            assertThat(aliceElsewhere.closedWithin(WAIT)).isTrue();
            // bob's session from the same address: accept() keeps its principal
            JstpFrameClient bobElsewhere = s.jstp("127.0.0.3");
            assertThat(bobElsewhere.request(restore(bobToken), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(bobElsewhere.request("{call:[1,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[1],ok:[{for:'bob'}]}");
            bobElsewhere.close();
            // accept(principal) at a restore replaces the session's principal
            JstpFrameClient bobAtKiosk = s.jstp("127.0.0.4");
            assertThat(bobAtKiosk.request(restore(bobToken), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(bobAtKiosk.request("{call:[1,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[1],ok:[{for:'kiosk'}]}");
            // alice from her host: restored as herself
            JstpFrameClient aliceHome = s.jstp("127.0.0.1");
            assertThat(aliceHome.request(restore(aliceToken), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(aliceHome.request("{call:[1,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[1],ok:[{for:'alice'}]}");
            assertThat(s.core.refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(1);
        }
    }

    @Test
    void withoutAPolicyRestoresAreUnchanged() {
        try (SecurityServer s = new SecurityServer(UnaryOperator.identity(), UnaryOperator.identity())) {
            JstpFrameClient alice = s.jstp("127.0.0.1");
            String token = token(alice.request("{handshake:[0,'tether'],login:['alice','wonderland']}", WAIT));
            alice.close();
            JstpFrameClient back = s.jstp("127.0.0.2");
            assertThat(back.request(restore(token), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(back.request("{call:[1,'api'],secret:[]}", WAIT)).isEqualTo("{callback:[1],ok:[{for:'alice'}]}");
            assertThat(s.core.refusals().get(Refusal.CONNECTION_POLICY)).isZero();
        }
    }
}
