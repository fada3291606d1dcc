/** Building blocks shared by both clients (transport, pending calls, reconnector, dispatcher). Not API. */
package io.tether.client.internal;
