package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketVerb;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketVerbsTest {
    private final TetherCore core = TetherCore.builder().action(TestActions.all()).room("r").build();
    private final SocketVerbs verbs = new SocketVerbs(core);
    private final SocketSession session = new SocketSession(Session.open("socket", "127.0.0.1", 1, m -> { }),
            new StickyParamsPolicy(StickyParamLimits.defaults(), core.refusals()));
    private final Correlation c = new Correlation("id", 1);

    @AfterEach
    void close() {
        core.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(SocketVerb verb, String... args) {
        SocketRequest.Verb v = new SocketRequest.Verb(verb, Arrays.asList(args));
        SocketMessage m = SocketVerbs.isRoomVerb(verb) ? SocketVerbs.roomReply(verb, verbs.room(v, session), c)
                : verbs.run(v, session, c);
        return (Map<String, Object>) m.value();
    }

    @Test
    void paramAddParsingRules() {
        run(SocketVerb.PARAM_ADD, "key=a=b");
        run(SocketVerb.PARAM_ADD, "value", "v1", "ignored");
        run(SocketVerb.PARAM_ADD, "sleepDuration=");
        run(SocketVerb.PARAM_ADD, "unknown=1");
        run(SocketVerb.PARAM_ADD, "messageId=m");
        assertThat(session.params()).containsExactly(Map.entry("key", "a"), Map.entry("value", "v1"),
                Map.entry("sleepDuration", ""), Map.entry("messageId", "m"));
        run(SocketVerb.PARAM_ADD, "key");
        assertThat(session.params()).doesNotContainKey("key");
    }

    @Test
    void sayJoinsTheRestVerbatimAndErrorsHaveNoStatus() {
        assertThat(run(SocketVerb.SAY, "r", "hi")).containsEntry("error", "connection not in this room (r)")
                .doesNotContainKey("status");
        assertThat(run(SocketVerb.ROOM_ADD, "r")).containsEntry("data", true);
        assertThat(run(SocketVerb.SAY, "r", "", "a", "")).containsEntry("status", "OK").doesNotContainKey("data");
        assertThat(run(SocketVerb.SAY, "r", "")).containsEntry("error", "both room and message are required");
    }

    @Test
    void jsTruthiness() {
        assertThat(JsTruth.isTruthy(null)).isFalse();
        assertThat(JsTruth.isTruthy("")).isFalse();
        assertThat(JsTruth.isTruthy(0)).isFalse();
        assertThat(JsTruth.isTruthy(0.0)).isFalse();
        assertThat(JsTruth.isTruthy(Double.NaN)).isFalse();
        assertThat(JsTruth.isTruthy(false)).isFalse();
        assertThat(JsTruth.isTruthy("0")).isTrue();
        assertThat(JsTruth.isTruthy(4242)).isTrue();
        assertThat(JsTruth.isTruthy(Map.of())).isTrue();
    }
}
