package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.core.session.resume.Outbound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Forwarded session messages survive the session channel's JSON as the same structured messages. */
class OutboundCodecTest {
    private final JsonMapper mapper = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private Outbound roundTrip(Outbound m) {
        Map<String, Object> fields = new LinkedHashMap<>(OutboundCodec.fields(m));
        fields.put("id", "some-session");
        String json = mapper.writeValueAsString(fields);
        return OutboundCodec.from(mapper.readValue(json, Map.class));
    }

    @Test
    void everyKindRoundTrips() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message", "hi");
        payload.put("sentAt", 1_700_000_000_000L);
        payload.put("nested", List.of(1, 2.5, true));
        List<Outbound> all = List.of(Outbound.event("chat", "message", List.of(payload, "x")), Outbound.ping(),
                new Outbound.Result(7, List.of("done", 42)), new Outbound.Failure(8, List.of(42, "nope")),
                new Outbound.Pong(9));
        for (Outbound m : all) {
            assertThat(roundTrip(m)).as(m.toString()).isEqualTo(m);
        }
    }

    @Test
    void valuesThatCannotMoveBetweenNodesBecomeNull() {
        Object notPlain = new Object();
        Outbound.Event e = Outbound.event("i", "e", List.of("a", notPlain));
        assertThat(new java.util.ArrayList<Object>(((Outbound.Event) roundTrip(e)).args())).containsExactly("a", null);
    }

    @Test
    void malformedMessagesAreRefused() {
        assertThat(OutboundCodec.carries("originate")).isFalse();
        assertThatThrownBy(() -> OutboundCodec.from(Map.of("op", "event", "iface", "i")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
