/**
 * Rooms: {@link io.tether.core.room.RoomService} (join, leave, view and say for a session,
 * asynchronous and serialized per session; the synchronous {@link io.tether.api.Rooms} facade
 * for actions; local fan-out) over a {@link io.tether.core.room.RoomBroker} that holds rooms
 * and memberships and carries messages: {@link io.tether.core.room.MemoryRoomBroker} for one
 * node, Redis for a cluster. Each message reaches the members as one shared
 * {@link io.tether.core.room.RoomDelivery} (serialized once per wire form), through the room's
 * serial {@code RoomFanout}: a session whose {@link io.tether.core.room.RoomSink} names an event
 * loop is served by one task per loop per message, which hands the message to every member of
 * the room on that loop; sessions without a loop are handed it one by one (on the core's
 * workers when a room has many of them).
 *
 * <p><b>Who owns what.</b>
 * <table>
 *   <caption>Room state and its single writer</caption>
 *   <tr><th>state</th><th>where</th><th>written by</th></tr>
 *   <tr><td>the rooms a session is in (source of truth on this node)</td>
 *       <td>{@link io.tether.core.room.RoomMembership}, read through
 *       {@link io.tether.core.session.Session#rooms()}</td>
 *       <td>{@code RoomService} only, one operation of the session at a time</td></tr>
 *   <tr><td>local members of each room (the fan-out index, derived from the memberships)</td>
 *       <td>{@code LocalRoom} in {@code RoomService}</td>
 *       <td>{@code RoomService}, in the same operation that changes the membership</td></tr>
 *   <tr><td>whether the node listens to a room (derived from the index)</td>
 *       <td>the broker, told by {@code RoomBroker.listen/unlisten}</td>
 *       <td>{@code LocalRoom.sync}, one call at a time per room, outside any lock</td></tr>
 *   <tr><td>rooms and members of every node (the shared view)</td>
 *       <td>the broker (a map, or Redis)</td>
 *       <td>{@code RoomService} through {@code addMember/removeMember/createRoom/destroyRoom}</td></tr>
 *   <tr><td>what the broker must restore after Redis lost it, channel subscriptions</td>
 *       <td>tether-redis's {@code NodeMemberships}, {@code RoomSubscriptions}</td>
 *       <td>{@code RedisRoomBroker} only (derived from the calls above)</td></tr>
 * </table>
 *
 * <p><b>Threads.</b> The service decides where broker calls run: on the caller's thread for a
 * {@link io.tether.core.room.RoomBroker#nonBlocking() non-blocking} broker, on the core's
 * workers otherwise, except a say through a broker that
 * {@link io.tether.core.room.RoomBroker#asyncPublish() publishes asynchronously} (Redis): its
 * checks and publish run on the caller's thread without waiting for the answer, several says of
 * a session in flight; adapters never branch on the broker. It never calls the broker under a
 * lock and hops onto no event loop (adapters write replies from the returned futures).
 *
 * <pre>{@code
 * RoomService rooms = new RoomService(new MemoryRoomBroker());
 * rooms.create("defaultRoom");
 * rooms.join(session, "defaultRoom")                              // CompletableFuture<Long>
 *      .thenCompose(joinedAt -> rooms.say(session, "defaultRoom", "hello"))
 *      .whenComplete((ok, error) -> reply(error));              // every member's sink receives it
 * }</pre>
 */
package io.tether.core.room;
