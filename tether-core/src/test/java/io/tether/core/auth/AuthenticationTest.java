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
