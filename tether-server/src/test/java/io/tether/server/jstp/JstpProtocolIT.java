package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Message kinds, call errors and connection rules over real sockets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpProtocolIT {
    private final JstpTestServer server = new JstpTestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyMessageKindOfTheTranscript() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            assertThat(c.request("{inspect:[1,'calculator']}"))
                    .isEqualTo("{callback:[1],ok:['answer','divide','doNothing']}");
            assertThat(c.request("{call:[2,'calculator'],answer:[]}")).isEqualTo("{callback:[2],ok:[42]}");
            assertThat(c.request("{call:[3,'calculator'],divide:[10,0]}"))
                    .isEqualTo("{callback:[3],error:[1,'Zero division']}");
            c.send("{call:[4,'testInterface'],emitBack:['news',{text:'hello',n:1}]}");
            assertThat(c.readText()).isEqualTo("{event:[-1,'testInterface'],news:[{text:'hello',n:1}]}");
            assertThat(c.readText()).isEqualTo("{callback:[4],ok:[]}");
            assertThat(c.request("{ping:[5]}")).isEqualTo("{pong:[5]}");
            assertThat(c.request("{call:[6,'calculator'],divide:[1,4]}")).isEqualTo("{callback:[6],ok:[0.25]}");
            assertThat(c.request("{call:[7,'testInterface'],multiResult:[]}"))
                    .isEqualTo("{callback:[7],ok:[1,'two',[3]]}");
            assertThat(c.request("{call:[8,'someService'],sayHi:['Ann']}")).isEqualTo("{callback:[8],ok:['Hi, Ann!']}");
        }
    }

    @Test
    void callErrors() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            assertThat(c.request("{call:[9,'nope'],x:[]}")).isEqualTo("{callback:[9],error:[12]}");
            assertThat(c.request("{call:[10,'calculator'],nope:[]}")).isEqualTo("{callback:[10],error:[14]}");
            assertThat(c.request("{inspect:[11,'nope']}")).isEqualTo("{callback:[11],error:[12]}");
            assertThat(c.request("{call:[12,'testInterface'],fail:[42,'custom']}"))
                    .isEqualTo("{callback:[12],error:[42,'custom']}");
            assertThat(c.request("{call:[13,'testInterface'],fail:[12,'custom']}"))
                    .isEqualTo("{callback:[13],error:[12,'custom']}");
            assertThat(c.request("{call:[14,'testInterface'],throwError:[]}"))
                    .matches("\\{callback:\\[14\\],error:\\[16,'internal error \\(ref [0-9a-f]{8}\\)'\\]\\}");
            assertThat(c.request("{call:[15,'calculator']}")).isEqualTo("{callback:[15],error:[17]}");
            assertThat(c.request("{call:[16,'calculator'],answer:[1]}")).isEqualTo("{callback:[16],error:[17]}");
            assertThat(c.request("{call:[17,'calculator'],answer:'x'}")).isEqualTo("{callback:[17],error:[17]}");
            assertThat(c.request("{call:[18,'calculator'],answer:[]}")).isEqualTo("{callback:[18],ok:[42]}");
        }
    }

    @Test
    void jsonInMdsfOutAndIgnoredMessages() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.send("{}");
            c.handshake("testApp");
            assertThat(c.request("{\"call\":[1,\"testInterface\"],\"echo\":[{\"a b\":\"c\",\"d\":[1,2,{\"e\":null}]}]}"))
                    .isEqualTo("{callback:[1],ok:[{'a b':'c',d:[1,2,{e:null}]}]}");
            c.send("{foo:[1,'x'],bar:[]}").send("{}").send("{callback:[77],ok:[]}").send("{pong:[-5]}")
                    .send("{event:[2,'testInterface'],bad:'notarray'}");
            assertThat(c.request("{ping:[3]}")).isEqualTo("{pong:[3]}");
            assertThat(c.request("{ call: [4, 'calculator'], divide: [ 0x14, .5, ], }"))
                    .isEqualTo("{callback:[4],ok:[40]}");
            assertThat(c.request("{call:[5,'testInterface'],echo:[[1,,3]]}")).isEqualTo("{callback:[5],ok:[[1,,3]]}");
        }
    }

    @Test
    void clientEventsAreRecordedOnTestInterfaceOnly() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{event:[1,'testInterface'],hello:[1,'a']}").send("{event:[2,'other'],x:[]}")
                    .send("{event:[3,'testInterface'],bad:5}").send("{event:[4,'testInterface'],bye:[]}");
            assertThat(c.request("{call:[5,'testInterface'],getClientEvents:[]}"))
                    .isEqualTo("{callback:[5],ok:[[['hello',[1,'a']],['bye',[]]]]}");
        }
    }

    @Test
    void sessionValuesUsernameVersionAndId() throws Exception {
        try (JstpTestClient c = server.client()) {
            String id = c.handshake("testApp");
            assertThat(c.request("{call:[1,'testInterface'],getValue:[]}")).isEqualTo("{callback:[1],ok:[null]}");
            assertThat(c.request("{call:[2,'testInterface'],setValue:[{x:1}]}")).isEqualTo("{callback:[2],ok:[]}");
            assertThat(c.request("{call:[3,'testInterface'],getValue:[]}")).isEqualTo("{callback:[3],ok:[{x:1}]}");
            assertThat(c.request("{call:[4,'testInterface'],whoami:[]}")).isEqualTo("{callback:[4],ok:[null]}");
            assertThat(c.request("{call:[5,'testInterface'],appVersion:[]}")).isEqualTo("{callback:[5],ok:['2.0.0']}");
            assertThat(c.request("{call:[6,'testInterface'],sessionId:[]}")).isEqualTo("{callback:[6],ok:['" + id + "']}");
        }
    }

    @Test
    void slowCallDoesNotBlockLaterMessages() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{call:[1,'testInterface'],delayedEcho:[400,'slow']}").send("{call:[2,'testInterface'],add:[2,3]}");
            assertThat(c.readText()).isEqualTo("{callback:[2],ok:[5]}");
            assertThat(c.readText()).isEqualTo("{callback:[1],ok:['slow']}");
        }
    }

    @Test
    void syntaxErrorCloses() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{call:[15,'x'],y:[}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
        try (JstpTestClient c = server.client()) {
            c.send("not an object");
            assertThat(c.closedWithin(2000)).isTrue();
        }
    }

    @Test
    void structurallyInvalidHeaderCloses() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{call:null,answer:[]}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
        try (JstpTestClient ok = server.client()) {
            ok.handshake("testApp");
            assertThat(ok.request("{ping:[1]}")).isEqualTo("{pong:[1]}");
        }
    }

    @Test
    void messageBeforeHandshakeCloses() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.send("{call:[1,'calculator'],answer:[]}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
    }

    @Test
    void secondHandshakeCloses() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{handshake:[0,'testApp']}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
    }

    @Test
    void handshakeWithoutApplicationClosesWithoutReply() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.send("{handshake:[0]}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
    }

    @Test
    void sixMebibyteMessageIsAcceptedAndOversizeUnterminatedCloses() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            String big = "x".repeat(6 * 1024 * 1024);
            c.send("{call:[1,'testInterface'],echo:['" + big + "']}");
            assertThat(c.readText()).hasSize(big.length() + "{callback:[1],ok:['']}".length());
        }
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            c.sendRaw("{call:[1,'testInterface'],echo:['".getBytes(StandardCharsets.UTF_8));
            boolean closed = false;
            for (int i = 0; i < 10 && !closed; i++) {
                try {
                    c.sendRaw(chunk);
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed || c.closedWithin(2000)).isTrue();
        }
    }
}
