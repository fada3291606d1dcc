/**
 * Authentication shared by every protocol: the connect-time {@link io.tether.core.auth.Authentication}
 * (the application's {@link io.tether.api.ConnectionPolicy} and a transport's principal) and
 * ready-made login actions ({@link io.tether.core.auth.LoginActions}). The per-call side is in
 * the action pipeline ({@link io.tether.api.Access}, middleware); room authorization in the room
 * service ({@link io.tether.api.RoomPolicy}).
 */
package io.tether.core.auth;
