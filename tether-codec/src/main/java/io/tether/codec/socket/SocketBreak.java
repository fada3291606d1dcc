package io.tether.codec.socket;

/**
 * User event fired by {@link BreakCharacterDetector} when an inbound buffer is exactly a
 * break sequence (Ctrl-D, or telnet's Ctrl-C); the protocol treats it as {@code quit}.
 */
public enum SocketBreak {
    /** The single instance. */
    INSTANCE
}
