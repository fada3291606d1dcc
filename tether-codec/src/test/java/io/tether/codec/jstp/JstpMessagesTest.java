package io.tether.codec.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.jstp.JstpMessage.Call;
import io.tether.codec.jstp.JstpMessage.Callback;
import io.tether.codec.jstp.JstpMessage.Event;
import io.tether.codec.jstp.JstpMessage.HandshakeReply;
import io.tether.codec.jstp.JstpMessage.HandshakeRequest;
import io.tether.codec.jstp.JstpMessage.Heartbeat;
import io.tether.codec.jstp.JstpMessage.Inspect;
import io.tether.codec.jstp.JstpMessage.Ping;
import io.tether.codec.jstp.JstpMessage.Pong;
import io.tether.codec.jstp.JstpMessage.Unknown;
import io.tether.codec.mdsf.MdsfSyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JstpMessagesTest {
    private final JstpMessages codec = JstpMessages.defaults();

    private JstpMessage parse(String text) {
        return codec.parse(text);
    }

    @Test
    void parsesHandshakeRequests() {
        assertThat(parse("{handshake:[0,'testApp']}"))
                .isEqualTo(new HandshakeRequest(0, "testApp", null, null, null));
        assertThat(parse("{handshake:[0,'testApp','^1.0.0']}"))
                .isEqualTo(new HandshakeRequest(0, "testApp", "^1.0.0", null, null));
        assertThat(parse("{handshake:[0,'testApp'],login:['user','secret']}"))
                .isEqualTo(new HandshakeRequest(0, "testApp", null, "login", List.of("user", "secret")));
        assertThat(parse("{handshake:[0,'testApp'],session:['46f9',1]}"))
                .isEqualTo(new HandshakeRequest(0, "testApp", null, "session", List.of("46f9", 1L)));
        assertThat(parse("{handshake:[0,'testApp'],anonymous:42}"))
                .isEqualTo(new HandshakeRequest(0, "testApp", null, "anonymous", 42L));
    }

    @Test
    void parsesHandshakeReplies() {
        assertThat(parse("{handshake:[0],ok:'46f967eb'}")).isEqualTo(new HandshakeReply("46f967eb", null));
        assertThat(parse("{handshake:[0],ok:6}")).isEqualTo(new HandshakeReply(6L, null));
        assertThat(parse("{handshake:[0],error:[11]}")).isEqualTo(new HandshakeReply(null, List.of(11L)));
        assertThat(parse("{handshake:[0]}")).isEqualTo(new HandshakeReply(null, null));
    }

    @Test
    void parsesOtherKinds() {
        assertThat(parse("{call:[1,'calculator'],answer:[]}")).isEqualTo(new Call(1, "calculator", "answer", List.of()));
        assertThat(parse("{call:[5,'calculator']}")).isEqualTo(new Call(5, "calculator", null, null));
        assertThat(parse("{call:[6,'c'],m:'notArray'}")).isEqualTo(new Call(6, "c", "m", "notArray"));
        assertThat(parse("{callback:[1],ok:[42]}")).isEqualTo(new Callback(1, List.of(42L), null));
        assertThat(parse("{callback:[-3],error:[1,'Zero division']}"))
                .isEqualTo(new Callback(-3, null, List.of(1L, "Zero division")));
        assertThat(parse("{callback:[2]}")).isEqualTo(new Callback(2, null, null));
        assertThat(parse("{event:[-1,'testInterface'],news:[{text:'hello',n:1}]}"))
                .isEqualTo(new Event(-1, "testInterface", "news", List.of(Map.of("text", "hello", "n", 1L))));
        assertThat(parse("{inspect:[11,'nope']}")).isEqualTo(new Inspect(11, "nope"));
        assertThat(parse("{ping:[5]}")).isEqualTo(new Ping(5));
        assertThat(parse("{pong:[-2]}")).isEqualTo(new Pong(-2));
        assertThat(parse("{}")).isEqualTo(new Heartbeat());
        assertThat(parse("{foo:[1,'x'],bar:[]}")).isEqualTo(new Unknown("foo"));
        assertThat(parse("{state:null}")).isEqualTo(new Unknown("state"));
        assertThat(parse("{\"call\":[1,\"testInterface\"],\"echo\":[{\"a b\":\"c\"}],\"extra\":1}"))
                .isInstanceOf(Call.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{call:null,answer:[]}", "{handshake:null}", "{call:[],x:[]}", "{call:[1],x:[]}", "{call:[1,2],x:[]}",
        "{call:['1','i'],x:[]}", "{call:[1.5,'i'],x:[]}", "{ping:'x'}", "{pong:{}}", "{inspect:[1]}",
        "{event:[1,null],e:[]}", "{callback:[1],ok:42}", "{callback:[1],error:'x'}", "{handshake:[0,5]}",
        "{handshake:[0,'app',7]}", "{handshake:[0],error:11}", "{ping:[1e300]}"
    })
    void rejectsInvalidHeaders(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(TetherException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR)).isNotInstanceOf(MdsfSyntaxException.class);
    }

    @Test
    void rejectsEmptyAndMalformedText() {
        assertThatThrownBy(() -> parse("")).isInstanceOfSatisfying(TetherException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR));
        assertThatThrownBy(() -> parse("{call:[15,'x'],y:[}")).isInstanceOf(MdsfSyntaxException.class);
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(MdsfSyntaxException.class);
    }

    @Test
    void writesCanonicalText() {
        assertThat(codec.toMdsf(new Callback(1, List.of(42), null))).isEqualTo("{callback:[1],ok:[42]}");
        assertThat(codec.toMdsf(new Callback(4, List.of(), null))).isEqualTo("{callback:[4],ok:[]}");
        assertThat(codec.toMdsf(new Callback(3, null, List.of(1, "Zero division"))))
                .isEqualTo("{callback:[3],error:[1,'Zero division']}");
        assertThat(codec.toMdsf(new HandshakeReply("id", null))).isEqualTo("{handshake:[0],ok:'id'}");
        assertThat(codec.toMdsf(new HandshakeReply(6, null))).isEqualTo("{handshake:[0],ok:6}");
        assertThat(codec.toMdsf(new HandshakeReply(null, List.of(11)))).isEqualTo("{handshake:[0],error:[11]}");
        Map<String, Object> news = new LinkedHashMap<>();
        news.put("text", "hello");
        news.put("n", 1);
        assertThat(codec.toMdsf(new Event(-1, "testInterface", "news", List.of(news))))
                .isEqualTo("{event:[-1,'testInterface'],news:[{text:'hello',n:1}]}");
        assertThat(codec.toMdsf(new Pong(5))).isEqualTo("{pong:[5]}");
        assertThat(codec.toMdsf(new Ping(-2))).isEqualTo("{ping:[-2]}");
        assertThat(codec.toMdsf(new HandshakeRequest(0, "testApp", "^1.0.0", "login", List.of("user", "secret"))))
                .isEqualTo("{handshake:[0,'testApp','^1.0.0'],login:['user','secret']}");
        assertThat(codec.toMdsf(new HandshakeRequest(0, "testApp", null, null, null))).isEqualTo("{handshake:[0,'testApp']}");
        assertThat(codec.toMdsf(new Call(2, "calculator", "answer", List.of()))).isEqualTo("{call:[2,'calculator'],answer:[]}");
        assertThat(codec.toMdsf(new Call(2, "my-iface", "do it", List.of(1)))).isEqualTo("{call:[2,'my-iface'],'do it':[1]}");
        assertThat(codec.toMdsf(new Inspect(1, "calculator"))).isEqualTo("{inspect:[1,'calculator']}");
        assertThat(codec.toMdsf(new Heartbeat())).isEqualTo("{}");
        assertThatThrownBy(() -> codec.toMdsf(new Unknown("state"))).isInstanceOf(TetherException.class);
    }

    @Test
    void roundTripsEveryKind() {
        List<JstpMessage> all = List.of(new HandshakeRequest(0, "app", "1.0.0", "session", List.of("s", 3L)),
                new HandshakeReply("sid", null), new HandshakeReply(null, List.of(10L)), new Call(7, "i", "m", List.of(1L)),
                new Callback(7, List.of("x"), null), new Event(-4, "chat", "message", List.of("hi")),
                new Inspect(2, "i"), new Ping(9), new Pong(-9), new Heartbeat());
        for (JstpMessage m : all) {
            assertThat(parse(codec.toMdsf(m))).isEqualTo(m);
        }
    }
}
