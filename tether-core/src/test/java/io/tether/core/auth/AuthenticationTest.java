package io.tether.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Access;
import io.tether.api.Action;
import io.tether.api.Admission;
import io.tether.api.Principal;
import io.tether.core.session.Session;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connect-time policy, the one principal setter, and action access declarations. */
class AuthenticationTest {
    private static Session session(String ip) {
        return Session.open("socket", ip, 1234, m -> { });
    }

    @Test
    void withoutAPolicyEveryoneIsAcceptedWithTheTransportsPrincipal() {
        Authentication auth = Authentication.acceptAll();
        Session anonymous = session("10.0.0.1");
        assertThat(auth.admit(anonymous, Optional.empty())).isNull();
        assertThat(anonymous.principal()).isEmpty();
        Session certified = session("10.0.0.1");
        assertThat(auth.admit(certified, Optional.of(Principal.named("CN=client")))).isNull();
        assertThat(certified.principal()).contains(Principal.named("CN=client"));
    }

    @Test
    void thePolicyAcceptsNamesOrRefuses() {
        Authentication auth = new Authentication(attempt -> switch (attempt.connection().remoteIp()) {
            case "10.0.0.2" -> Admission.refuse("go away");
            case "10.0.0.3" -> Admission.accept(Principal.named("internal"));
            case "10.0.0.4" -> throw new IllegalStateException("broken policy");
            default -> Admission.accept();
        });
        assertThat(auth.admit(session("10.0.0.2"), Optional.empty())).isEqualTo("go away");
        Session internal = session("10.0.0.3");
        assertThat(auth.admit(internal, Optional.of(Principal.named("CN=x")))).isNull();
        assertThat(internal.principal()).contains(Principal.named("internal")); // the policy's choice wins
        Session certified = session("10.0.0.5");
        assertThat(auth.admit(certified, Optional.of(Principal.named("CN=x")))).isNull();
        assertThat(certified.principal()).contains(Principal.named("CN=x"));
        assertThat(auth.admit(session("10.0.0.4"), Optional.empty())).isEqualTo("connection refused");
        assertThat(Admission.refuse(null).reason()).isEqualTo("connection refused");
    }

    @Test
    void aRestoreKeepsTheSessionsPrincipalUnlessThePolicyNamesOneAndARefusalChangesNothing() {
        java.util.List<io.tether.api.ConnectAttempt> seen = new java.util.ArrayList<>();
        Authentication auth = new Authentication(attempt -> {
            seen.add(attempt);
            return switch (attempt.connection().remoteIp()) {
                case "10.0.0.2" -> Admission.refuse("go away");
                case "10.0.0.3" -> Admission.accept(Principal.named("kiosk"));
                case "10.0.0.4" -> throw new IllegalStateException("broken policy");
                default -> Admission.accept();
            };
        });
        Session alice = session("10.0.0.1");
        alice.authenticate(Principal.named("alice"));
        assertThat(auth.admitRestore(alice, info("10.0.0.2"), Optional.empty())).isEqualTo("go away");
        assertThat(alice.principal()).contains(Principal.named("alice"));
        assertThat(auth.admitRestore(alice, info("10.0.0.4"), Optional.empty())).isEqualTo("connection refused");
        assertThat(alice.principal()).contains(Principal.named("alice"));
        // accept(): the certificate of the restoring connection does not replace the session's principal
        assertThat(auth.admitRestore(alice, info("10.0.0.5"), Optional.of(Principal.named("CN=x")))).isNull();
        assertThat(alice.principal()).contains(Principal.named("alice"));
        assertThat(seen.getLast().restore()).isTrue();
        assertThat(seen.getLast().sessionPrincipal()).contains(Principal.named("alice"));
        assertThat(seen.getLast().transportPrincipal()).contains(Principal.named("CN=x"));
        assertThat(auth.admitRestore(alice, info("10.0.0.3"), Optional.empty())).isNull();
        assertThat(alice.principal()).contains(Principal.named("kiosk"));
        // an anonymous session stays anonymous on accept()
        Session anonymous = session("10.0.0.1");
        assertThat(auth.admitRestore(anonymous, info("10.0.0.5"), Optional.of(Principal.named("CN=x")))).isNull();
        assertThat(anonymous.principal()).isEmpty();
        // no policy: nothing asked, nothing changed
        assertThat(Authentication.acceptAll().admitRestore(alice, info("10.0.0.2"), Optional.empty())).isNull();
        assertThat(Authentication.acceptAll().admitRequest(info("10.0.0.2"), Optional.empty())).isNull();
        assertThat(auth.admitRequest(info("10.0.0.2"), Optional.empty())).isEqualTo("go away");
        assertThat(seen.getLast().restore()).isFalse();
    }

    @Test
    void onlyARestoreHasASessionPrincipal() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.tether.api.ConnectAttempt(info("10.0.0.1"),
                Optional.empty(), false, Optional.of(Principal.named("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new io.tether.api.ConnectAttempt(info("10.0.0.1"), Optional.empty()).sessionPrincipal()).isEmpty();
    }

    private static io.tether.api.ConnectionInfo info(String ip) {
        return new io.tether.api.ConnectionInfo("id", "jstp", ip, 1, 0);
    }

    @Test
    void authenticateAndSignOutGoThroughTheSessionAndShowInItsName() {
        Session s = session("10.0.0.1");
        String anonymousName = s.toString();
        s.authenticate(new Principal("alice", Map.of("role", "staff")));
        assertThat(s.principal().orElseThrow().name()).isEqualTo("alice");
        assertThat(s.toString()).isEqualTo(anonymousName + "(alice)");
        s.signOut();
        assertThat(s.principal()).isEmpty();
        assertThat(s.toString()).isEqualTo(anonymousName);
    }

    @Test
    void accessFollowsTheServerDefaultUnlessDeclared() {
        Action plain = Action.named("a").handler(ctx -> null).build();
        Action closed = Action.named("b").authenticated().handler(ctx -> null).build();
        Action open = Action.named("c").anonymous().handler(ctx -> null).build();
        assertThat(plain.access()).isEqualTo(Access.DEFAULT);
        assertThat(plain.access().requiresPrincipal(false)).isFalse();
        assertThat(plain.access().requiresPrincipal(true)).isTrue();
        assertThat(closed.access().requiresPrincipal(false)).isTrue();
        assertThat(open.access().requiresPrincipal(true)).isFalse();
        assertThat(new Action("d", 1, "", java.util.List.of(), null, ctx -> null).access()).isEqualTo(Access.DEFAULT);
    }
}
