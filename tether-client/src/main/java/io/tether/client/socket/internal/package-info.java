/** Implementation of the socket-protocol client. Not API. */
package io.tether.client.socket.internal;
