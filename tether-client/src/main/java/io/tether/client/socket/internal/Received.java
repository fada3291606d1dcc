package io.tether.client.socket.internal;

import tools.jackson.databind.JsonNode;

/** A reply as it arrived, with its arrival time (System.nanoTime). */
record Received(JsonNode body, long arrivalNanos) {
}
