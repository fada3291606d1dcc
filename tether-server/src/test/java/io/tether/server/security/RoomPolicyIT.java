package io.tether.server.security;

import static io.tether.server.security.SecurityServer.WAIT;
import static io.tether.server.security.SecurityServer.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.RoomPolicy;
import io.tether.api.SessionHandle;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Room authorization, decided once in the core's room service for both protocols: only
 * authenticated sessions may join {@code staffRoom}, nobody may say a message containing
 * "spam"; refusals carry the documented texts (socket {@code error}, JSTP {@code [31, text]}).
 */
class RoomPolicyIT {
    private static final RoomPolicy POLICY = new RoomPolicy() {
        @Override
        public boolean mayJoin(SessionHandle session, String room) {
            return !room.equals("staffRoom") || session.principal().isPresent();
        }

        @Override
        public boolean maySay(SessionHandle session, String room, String message) {
            return !message.contains("spam");
        }
    };

    @Test
    void joinAndSayAreDecidedByTheRoomPolicyOnBothProtocols() {
        try (SecurityServer s = new SecurityServer(b -> b.roomPolicy(POLICY), UnaryOperator.identity())) {
            LineClient telnet = s.socket("127.0.0.1");
            assertThat(call(telnet, "roomAdd staffRoom"))
                    .containsEntry("error", "not allowed to join this room (staffRoom)");
            assertThat(call(telnet, "roomAdd defaultRoom")).containsEntry("status", "OK");
            assertThat(call(telnet, "say defaultRoom buy spam now"))
                    .containsEntry("error", "not allowed to say in this room (defaultRoom)");
            call(telnet, "{\"action\":\"login\",\"params\":{\"user\":\"alice\",\"password\":\"wonderland\"}}");
            assertThat(call(telnet, "roomAdd staffRoom")).containsEntry("status", "OK").doesNotContainKey("error");

            JstpFrameClient anonymous = s.jstp("127.0.0.1");
            assertThat(anonymous.request("{handshake:[0,'tether']}", WAIT)).contains("ok:");
            assertThat(anonymous.request("{call:[1,'chat'],join:['staffRoom']}", WAIT))
                    .isEqualTo("{callback:[1],error:[31,'not allowed to join this room (staffRoom)']}");
            JstpFrameClient bob = s.jstp("127.0.0.1");
            assertThat(bob.request("{handshake:[0,'tether'],login:['bob','builder']}", WAIT)).contains("ok:");
            assertThat(bob.request("{call:[1,'chat'],join:['staffRoom']}", WAIT)).isEqualTo("{callback:[1],ok:[]}");
            assertThat(bob.request("{call:[2,'chat'],say:['staffRoom','spam']}", WAIT))
                    .isEqualTo("{callback:[2],error:[31,'not allowed to say in this room (staffRoom)']}");
            // an allowed message reaches the other protocol's member
            bob.send("{call:[3,'chat'],say:['staffRoom','hello staff']}");
            assertThat(telnet.readMap(WAIT)).containsEntry("message", "hello staff").containsEntry("room", "staffRoom");
        }
    }
}
