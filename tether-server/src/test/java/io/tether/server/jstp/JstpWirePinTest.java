package io.tether.server.jstp;

import io.tether.core.TetherCore;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.server.pin.WireTranscript;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSTP wire behaviour byte for byte: each test drives the listener's own pipeline
 * ({@link JstpProtocolServer#initializer()}) in embedded channels and compares the
 * transcript with {@code src/test/resources/pinned/jstp/<test>.txt}. The server hosts the
 * JSTP test application ({@link io.tether.testkit.jstp.JstpTestApp}, login {@code user}/{@code secret}), the
 * actions {@code echo} and {@code sum} of {@link JstpTestServer} on the {@code api}
 * interface, and {@code pinApp} 1.0.0, a small JSTP-native application defined here.
 * Normalization and deliberate regeneration ({@code -Dpin.rewrite=true}) are described in
 * {@link WireTranscript}.
 */
class JstpWirePinTest {
    private final WireTranscript t = new WireTranscript((byte) 0);
    private int nextPort = 40001;

    private static JstpApplication pinApp() {
        return JstpApplication.builder("pinApp", "1.0.0")
                .iface(JstpInterface.builder("greeter")
                        .nonBlocking("hello", 1, ctx -> List.of("Hello, " + ctx.arg(0) + "!"))
                        .nonBlocking("pair", 0, ctx -> List.of(1.5, List.of("a", true)))
                        .build())
                .build();
    }

    private static JstpProtocolServer server(UnaryOperator<JstpOptions.Builder> custom) {
        TetherCore core = TetherCore.builder().action(JstpTestServer.echoAction(), JstpTestServer.sumAction())
                .room("defaultRoom", "otherRoom").build();
        JstpOptions options = TestApps.configure(custom.apply(JstpOptions.defaults().toBuilder().port(0)
                .host("127.0.0.1").application(pinApp())).build(), 20_000);
        return new JstpProtocolServer(core, options);
    }

    private static JstpProtocolServer server() {
        return server(b -> b);
    }

    private WireTranscript.Client client(JstpProtocolServer s, String name) {
        return t.connect(name, s.initializer(), "192.0.2.1", nextPort++);
    }

    private static String frame(String text) {
        return text + "\0";
    }

    private WireTranscript.Client handshaken(JstpProtocolServer s, String name, String app) {
        return client(s, name).send(frame("{handshake:[0,'" + app + "']}"), 1);
    }

    @Test
    void handshakes() {
        JstpProtocolServer s = server();
        handshaken(s, "anon", "testApp").send(frame("{call:[1,'testInterface'],whoami:[]}"), 1)
                .send(frame("{call:[2,'testInterface'],appVersion:[]}"), 1).expectSilence();
        client(s, "anon2").send(frame("{handshake:[0,'testApp'],anonymous:[]}"), 1).expectSilence();
        client(s, "login").send(frame("{handshake:[0,'testApp'],login:['user','secret']}"), 1)
                .send(frame("{call:[1,'testInterface'],whoami:[]}"), 1).expectSilence();
        client(s, "refused").send(frame("{handshake:[0,'testApp'],login:['user','wrong']}"), 1).expectSilence();
        client(s, "nouser").send(frame("{handshake:[0,'testApp'],login:['nobody','secret']}"), 1).expectSilence();
        client(s, "unknown").send(frame("{handshake:[0,'nope']}"), 1).expectSilence();
        client(s, "v1").send(frame("{handshake:[0,'testApp','1.0.0']}"), 1)
                .send(frame("{call:[1,'testInterface'],appVersion:[]}"), 1).expectSilence();
        client(s, "range").send(frame("{handshake:[0,'testApp','^1.0.0']}"), 1)
                .send(frame("{call:[1,'testInterface'],appVersion:[]}"), 1).expectSilence();
        client(s, "v3").send(frame("{handshake:[0,'testApp','3.0.0']}"), 1).expectSilence();
        handshaken(s, "native", "pinApp").send(frame("{inspect:[1,'greeter']}"), 1)
                .send(frame("{call:[2,'greeter'],hello:['Ann']}"), 1)
                .send(frame("{call:[3,'greeter'],pair:[]}"), 1)
                .send(frame("{call:[4,'greeter'],hello:[]}"), 1)
                .send(frame("{call:[5,'greeter'],nope:[]}"), 1)
                .send(frame("{call:[6,'calculator'],answer:[]}"), 1).expectSilence();
        handshaken(s, "twice", "testApp").send(frame("{handshake:[0,'testApp']}"), 0).expectSilence();
        client(s, "early").send(frame("{call:[1,'calculator'],answer:[]}"), 0).expectSilence();
        t.assertMatches("jstp/handshakes");
    }

    @Test
    void apiActions() {
        handshaken(server(), "a", "testApp")
                .send(frame("{inspect:[1,'api']}"), 1)
                .send(frame("{call:[2,'api'],echo:[{text:'hi'}]}"), 1)
                .send(frame("{call:[3,'api'],echo:['positional']}"), 1)
                .send(frame("{call:[4,'api'],sum:[2,3]}"), 1)
                .send(frame("{call:[5,'api'],sum:[{a:1.5,b:'2'}]}"), 1)
                .send(frame("{call:[6,'api'],echo:[]}"), 1)
                .send(frame("{call:[7,'api'],nope:[]}"), 1)
                .send(frame("{call:[8,'api'],echo:['a','b']}"), 1)
                .send(frame("{call:[9,'api'],echo:[{text:'x\\ny \\'q\\' \u20ac'}]}"), 1)
                .expectSilence();
        t.assertMatches("jstp/api");
    }

    @Test
    void testApplication() {
        handshaken(server(), "a", "testApp")
                .send(frame("{inspect:[1,'calculator']}"), 1)
                .send(frame("{call:[2,'calculator'],answer:[]}"), 1)
                .send(frame("{call:[3,'calculator'],divide:[10,0]}"), 1)
                .send(frame("{call:[4,'testInterface'],emitBack:['news',{text:'hello',n:1}]}"), 2)
                .send(frame("{ping:[5]}"), 1)
                .send(frame("{call:[6,'calculator'],divide:[1,4]}"), 1)
                .send(frame("{call:[7,'testInterface'],multiResult:[]}"), 1)
                .send(frame("{call:[8,'someService'],sayHi:['Ann']}"), 1)
                .send(frame("{call:[9,'nope'],x:[]}"), 1)
                .send(frame("{call:[10,'calculator'],nope:[]}"), 1)
                .send(frame("{inspect:[11,'nope']}"), 1)
                .send(frame("{call:[12,'testInterface'],fail:[42,'custom']}"), 1)
                .send(frame("{call:[13,'testInterface'],throwError:[]}"), 1)
                .send(frame("{call:[14,'calculator']}"), 1)
                .send(frame("{call:[15,'calculator'],answer:[1]}"), 1)
                .send(frame("{\"call\":[16,\"testInterface\"],\"echo\":[{\"a b\":\"c\",\"d\":[1,2,{\"e\":null}]}]}"), 1)
                .send(frame("{ call: [17, 'calculator'], divide: [ 0x14, .5, ], }"), 1)
                .send(frame("{call:[18,'testInterface'],echo:[[1,,3]]}"), 1)
                .send(frame("{}"), 0)
                .send(frame("{foo:[1,'x'],bar:[]}") + frame("{callback:[77],ok:[]}") + frame("{pong:[-5]}"), 0)
                .send(frame("{event:[19,'testInterface'],hello:[1,'a']}"), 0)
                .send(frame("{event:[20,'other'],x:[]}"), 0)
                .send(frame("{call:[21,'testInterface'],getClientEvents:[]}"), 1)
                .send(frame("{call:[22,'testInterface'],setValue:[{x:1}]}"), 1)
                .send(frame("{call:[23,'testInterface'],getValue:[]}"), 1)
                .send(frame("{call:[24,'testInterface'],sessionId:[]}"), 1)
                .expectSilence()
                .send(frame("{call:[25,'x'],y:[}"), 0).expectSilence();
        t.assertMatches("jstp/test-application");
    }

    @Test
    void chat() {
        JstpProtocolServer s = server();
        var a = handshaken(s, "a", "testApp");
        var b = handshaken(s, "b", "testApp");
        a.send(frame("{inspect:[1,'chat']}"), 1).send(frame("{call:[2,'chat'],join:['defaultRoom']}"), 1);
        b.send(frame("{call:[1,'chat'],join:['defaultRoom']}"), 1);
        a.send(frame("{call:[3,'chat'],view:['defaultRoom']}"), 1);
        a.send(frame("{call:[4,'chat'],say:['defaultRoom','hi all']}"), 0).expectUnordered(2);
        b.expect(1);
        b.send(frame("{call:[2,'chat'],say:['defaultRoom','back']}"), 0).expectUnordered(2);
        a.expect(1);
        a.send(frame("{call:[5,'chat'],join:['nowhere']}"), 1)
                .send(frame("{call:[6,'chat'],join:['defaultRoom']}"), 1)
                .send(frame("{call:[7,'chat'],leave:['defaultRoom']}"), 1)
                .send(frame("{call:[8,'chat'],say:['defaultRoom','x']}"), 1)
                .send(frame("{call:[9,'chat'],view:['otherRoom']}"), 1)
                .send(frame("{call:[10,'chat'],nope:[]}"), 1)
                .send(frame("{call:[11,'chat'],say:['defaultRoom']}"), 1);
        b.send(frame("{call:[3,'chat'],say:['defaultRoom',{json:[1,2]}]}"), 1)
                .send(frame("{call:[4,'chat'],say:['defaultRoom','alone']}"), 0).expectUnordered(2);
        a.expectSilence();
        t.assertMatches("jstp/chat");
    }

    @Test
    void sessionRestoreResendsWhatWasNotAcknowledged() {
        JstpProtocolServer s = server();
        var a = handshaken(s, "a", "testApp");
        String reply = a.lastFrames().get(0);
        String id = reply.substring(reply.indexOf('\'') + 1, reply.lastIndexOf('\''));
        a.send(frame("{call:[1,'testInterface'],emitBack:['beforeDrop',1]}"), 2)
                .send(frame("{call:[2,'testInterface'],setValue:['kept']}"), 1).disconnect();
        client(s, "b").send(frame("{handshake:[0,'testApp'],session:['" + id + "',0]}"), 2)
                .send(frame("{call:[3,'testInterface'],getValue:[]}"), 1)
                .send(frame("{call:[4,'testInterface'],emitBack:['after',true]}"), 2).disconnect();
        client(s, "c").send(frame("{handshake:[0,'testApp'],session:['" + id + "',1]}"), 2).disconnect();
        client(s, "d").send(frame("{handshake:[0,'testApp'],session:['" + id + "',5]}"), 2).expectSilence()
                .disconnect();
        client(s, "e").send(frame("{handshake:[0,'testApp'],session:['no-such-session',0]}"), 1).expectSilence();
        t.assertMatches("jstp/session-restore");
    }

    @Test
    void serverHeartbeat() {
        var a = handshaken(server(b -> b.heartbeatInterval(Duration.ofMillis(50))), "a", "testApp");
        a.expect(1);
        t.assertMatches("jstp/heartbeat");
    }
}
