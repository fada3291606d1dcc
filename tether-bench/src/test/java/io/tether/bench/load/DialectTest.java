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

    /** Passes {@code text} as a frame in the middle of a larger array, as FrameBuffer does. */
    private static void frame(Dialect d, String text, boolean ready, ReplySink sink) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[t.length + 6];
        java.util.Arrays.fill(b, (byte) '"');
        System.arraycopy(t, 0, b, 3, t.length);
        d.onFrame(b, 3, 3 + t.length, ready, sink);
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
        frame(d, "{\"welcome\":\"Hi\",\"context\":\"api\"}", false, s);
        frame(d, "{\"randomNumber\":0.5,\"context\":\"response\",\"messageId\":\"x\"}", true, s);
        frame(d, "{\"message\":\"m\",\"room\":\"r\",\"context\":\"user\"}", true, s);
        frame(d, "{\"error\":\"too many\",\"context\":\"response\",\"messageId\":\"y\"}", true, s);
        assertThat(s.events).containsExactly("ready", "fifo", "fifo error");
        assertThat(request(d, 7)).isEqualTo("randomNumber\n");
        assertThat(d.matchesById()).isFalse();
    }

    @Test
    void socketJsonCarriesAndMatchesMessageId() {
        Dialect d = new SocketDialect("randomNumber", true);
        Sink s = new Sink();
        assertThat(request(d, 42)).isEqualTo("{\"action\":\"randomNumber\",\"params\":{\"messageId\":\"42\"}}\n");
        frame(d, "{\"randomNumber\":0.5,\"context\":\"response\",\"messageId\":\"42\",\"messageCount\":3}",
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
        frame(d, "{handshake:[0],ok:'6f1d'}", false, s);
        frame(d, "{callback:[3],ok:['hello']}", true, s);
        frame(d, "{callback:[12],error:[14,'Method not found']}", true, s);
        frame(d, "{ping:[-1]}", true, s);
        frame(d, "{event:[-2,'chat'],message:['x']}", true, s);
        assertThat(s.events).containsExactly("ready", "reply 3", "reply 12 error", "send {pong:[-1]}\0");
    }

    @Test
    void jstpServerCallsAreAnsweredAndServerPingsPongedWithTheirIds() {
        Dialect d = new JstpDialect("bench", "bench", "pull", "['x']");
        Sink s = new Sink();
        frame(d, "{handshake:[0],ok:'6f1d'}", false, s);
        frame(d, "{ping:[-7]}", true, s);
        frame(d, "{call:[-13,'client'],echo:['x']}", true, s);
        assertThat(s.events).containsExactly("ready", "send {pong:[-7]}\0", "send {callback:[-13],ok:['pong']}\0");
    }

    @Test
    void jstpRefusedHandshakeIsFatal() {
        Sink s = new Sink();
        frame(new JstpDialect("nope", "api", "m", "[]"), "{handshake:[0],error:[10]}", false, s);
        assertThat(s.events).singleElement().asString().startsWith("fatal handshake refused");
    }

    @Test
    void redisPongIsInOrderAndErrorsAreCounted() {
        Dialect d = new RedisDialect();
        Sink s = new Sink();
        frame(d, "+PONG", true, s);
        frame(d, "-ERR nope", true, s);
        assertThat(s.events).containsExactly("fifo", "fifo error");
        assertThat(request(d, 1)).isEqualTo("PING\r\n");
        assertThat(d.readyOnConnect()).isTrue();
    }

    @Test
    void primusWelcomeMakesReadyRepliesMatchByMessageIdAndPingsArePonged() {
        Dialect d = new PrimusDialect("randomNumber");
        Sink sink = new Sink();
        assertThat(request(d, 7)).isEqualTo("{\"event\":\"action\",\"params\":{\"action\":\"randomNumber\"},"
                + "\"messageId\":\"7\"}\n");
        frame(d, "\"primus::ping::1733526000123\"", false, sink);
        frame(d, "{\"welcome\":\"Hello! Welcome to the tether api\",\"context\":\"api\"}", false, sink);
        frame(d, "{\"randomNumber\":0.25,\"context\":\"response\",\"messageId\":\"7\"}", true, sink);
        frame(d, "{\"error\":\"Error: unknown action or invalid apiVersion\",\"context\":\"response\","
                + "\"messageId\":\"8\"}", true, sink);
        frame(d, "{\"message\":\"hi\",\"room\":\"r\",\"from\":\"x\",\"context\":\"user\"}", true, sink);
        assertThat(sink.events).containsExactly("send \"primus::pong::1733526000123\"\n", "ready", "reply 7",
                "reply 8 error");
    }
}
