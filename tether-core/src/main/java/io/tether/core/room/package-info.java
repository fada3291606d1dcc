/**
 * Rooms: {@link io.tether.core.room.RoomService} (join, leave, view, say with the ActionHero error
 * texts; local fan-out) over a {@link io.tether.core.room.RoomBroker} that holds rooms and
 * memberships and carries messages: {@link io.tether.core.room.MemoryRoomBroker} for one node,
 * Redis for a cluster. Each message reaches the members as one shared
 * {@link io.tether.core.room.RoomDelivery} (serialized once per wire form), through the room's
 * serial {@link io.tether.core.room.RoomFanout} (large rooms on the core's workers).
 *
 * <pre>{@code
 * RoomService rooms = new RoomService(new MemoryRoomBroker());
 * rooms.create("defaultRoom");
 * rooms.join(connection, "defaultRoom");
 * rooms.say(connection, "defaultRoom", "hello");   // every member's sink receives it
 * }</pre>
 */
package io.tether.core.room;
