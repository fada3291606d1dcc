package io.tether.core.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.RoomMessage;
import io.tether.core.session.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RoomServiceTest {
    private final RoomService rooms = new RoomService(new MemoryRoomBroker());
    private final List<RoomMessage> aGot = new CopyOnWriteArrayList<>();
    private final List<RoomMessage> bGot = new CopyOnWriteArrayList<>();
    private final Session a = Session.open("socket", "127.0.0.1", 1, aGot::add);
    private final Session b = Session.open("jstp", "127.0.0.1", 2, bGot::add);

    @Test
    void joinViewSayLeave() {
        rooms.create("defaultRoom");
        rooms.join(a, "defaultRoom");
        rooms.join(b, "defaultRoom");
        assertThat(rooms.view(a, "defaultRoom").members()).containsOnlyKeys(a.id(), b.id());
        assertThat(rooms.view(a, "defaultRoom").members().keySet()).containsExactly(a.id(), b.id());
        rooms.say(a, "defaultRoom", " two  spaces ");
        assertThat(aGot).singleElement().satisfies(m -> {
            assertThat(m.message()).isEqualTo(" two  spaces ");
            assertThat(m.from()).isEqualTo(a.id());
        });
        assertThat(bGot).hasSize(1);
        rooms.leave(b, "defaultRoom");
        rooms.say(a, "defaultRoom", "again");
        assertThat(bGot).hasSize(1);
        assertThat(aGot).hasSize(2);
        assertThat(b.rooms()).isEmpty();
    }

    @Test
    void errorTexts() {
        rooms.create("r");
        assertThatThrownBy(() -> rooms.join(a, "nope")).hasMessage("room does not exist");
        assertThatThrownBy(() -> rooms.join(a, null)).hasMessage("room does not exist");
        rooms.join(a, "r");
        assertThatThrownBy(() -> rooms.join(a, "r")).hasMessage("connection already in this room (r)");
        assertThatThrownBy(() -> rooms.leave(b, "r")).hasMessage("connection not in this room (r)");
        assertThatThrownBy(() -> rooms.view(b, null)).hasMessage("connection not in this room (null)");
        assertThatThrownBy(() -> rooms.say(a, "r", "")).hasMessage("both room and message are required");
        assertThatThrownBy(() -> rooms.say(b, "r", "hi")).hasMessage("connection not in this room (r)");
    }

    @Test
    void leaveAllAndServerBroadcast() {
        rooms.create("x");
        rooms.create("y");
        rooms.join(a, "x");
        rooms.join(a, "y");
        assertThat(a.rooms()).containsExactly("x", "y");
        rooms.broadcast("x", "server says");
        assertThat(aGot).singleElement().extracting(RoomMessage::from).isEqualTo(RoomMessage.SERVER);
        rooms.leaveAll(a);
        assertThat(a.rooms()).isEmpty();
        assertThat(rooms.view("x").members()).isEmpty();
    }
}
