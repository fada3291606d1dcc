/**
 * Room brokers for tests: {@link io.tether.testkit.room.ForwardingRoomBroker} forwards to an
 * in-memory broker so that a test stages only the operations it cares about (slow joins,
 * publishes answered later, failures).
 */
package io.tether.testkit.room;
