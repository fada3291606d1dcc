package io.tether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {
    /** Records what a dialect reports. */
    static final class Sink implements ReplySink {
        final List<String> events = new ArrayList<>();

        @Override
        public void ready() {
            events.add("ready");
        }

        @Override
        public void reply(long id, boolean error) {
            events.add("reply " + id + (error ? " error" : ""));
        }

        @Override
        public void replyInOrder(boolean error) {
            events.add("fifo" + (error ? " error" : ""));
        }

        @Override
        public void fatal(String why) {
            events.add("fatal " + why);
        }

        @Override
        public void send(ByteBuf message) {
            events.add("send " + message.toString(StandardCharsets.UTF_8));
            message.release();
        }
    }

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static String request(Dialect d, long id) {
        ByteBuf out = Unpooled.buffer();
        d.writeRequest(id, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void socketInlineSkipsWelcomeAndBroadcastsAndMatchesInOrder() {
        Dialect d = new SocketDialect("randomNumber", false);
        Sink s = new Sink();
        d.onFrame(buf("{\"welcome\":\"Hi\",\"context\":\"api\"}"), false, s);
        d.onFrame(buf("{\"randomNumber\":0.5,\"context\":\"response\",\"messageId\":\"x\"}"), true, s);
        d.onFrame(buf("{\"message\":\"m\",\"room\":\"r\",\"context\":\"user\"}"), true, s);
        d.onFrame(buf("{\"error\":\"too many\",\"context\":\"response\",\"messageId\":\"y\"}"), true, s);
        assertThat(s.events).containsExactly("ready", "fifo", "fifo error");
        assertThat(request(d, 7)).isEqualTo("randomNumber\n");
        assertThat(d.matchesById()).isFalse();
    }

    @Test
    void socketJsonCarriesAndMatchesMessageId() {
        Dialect d = new SocketDialect("randomNumber", true);
        Sink s = new Sink();
        assertThat(request(d, 42)).isEqualTo("{\"action\":\"randomNumber\",\"params\":{\"messageId\":\"42\"}}\n");
        d.onFrame(buf("{\"randomNumber\":0.5,\"context\":\"response\",\"messageId\":\"42\",\"messageCount\":3}"),
                true, s);
        assertThat(s.events).containsExactly("reply 42");
    }

    @Test
    void jstpHandshakeCallsCallbacksAndPings() {
        Dialect d = new JstpDialect("bench", "bench", "echo", "['hello']");
        Sink s = new Sink();
        ByteBuf greeting = d.greeting(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertThat(greeting.toString(StandardCharsets.UTF_8)).isEqualTo("{handshake:[0,'bench']}\0");
        greeting.release();
        assertThat(request(d, 3)).isEqualTo("{call:[3,'bench'],echo:['hello']}\0");
        d.onFrame(buf("{handshake:[0],ok:'6f1d'}"), false, s);
        d.onFrame(buf("{callback:[3],ok:['hello']}"), true, s);
        d.onFrame(buf("{callback:[12],error:[14,'Method not found']}"), true, s);
        d.onFrame(buf("{ping:[-1]}"), true, s);
        d.onFrame(buf("{event:[-2,'chat'],message:['x']}"), true, s);
        assertThat(s.events).containsExactly("ready", "reply 3", "reply 12 error", "send {pong:[-1]}\0");
    }

    @Test
    void jstpRefusedHandshakeIsFatal() {
        Sink s = new Sink();
        new JstpDialect("nope", "api", "m", "[]").onFrame(buf("{handshake:[0],error:[10]}"), false, s);
        assertThat(s.events).singleElement().asString().startsWith("fatal handshake refused");
    }

    @Test
    void redisPongIsInOrderAndErrorsAreCounted() {
        Dialect d = new RedisDialect();
        Sink s = new Sink();
        d.onFrame(buf("+PONG"), true, s);
        d.onFrame(buf("-ERR nope"), true, s);
        assertThat(s.events).containsExactly("fifo", "fifo error");
        assertThat(request(d, 1)).isEqualTo("PING\r\n");
        assertThat(d.readyOnConnect()).isTrue();
    }
}
