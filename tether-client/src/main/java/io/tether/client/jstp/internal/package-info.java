/** Implementation of the JSTP client. Not API. */
package io.tether.client.jstp.internal;
