package io.tether.client.socket.internal;

import java.util.concurrent.CompletableFuture;

/** Local validation of verb arguments: the socket protocol splits lines on single spaces. */
final class Words {
    private Words() {
    }

    static boolean isWord(String s) {
        return s != null && !s.isEmpty() && s.indexOf(' ') < 0 && !hasLineBreak(s);
    }

    static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    static <T> CompletableFuture<T> invalid(String what) {
        return CompletableFuture.failedFuture(new IllegalArgumentException(
                what + " must be non-empty and contain no spaces or line breaks"));
    }
}
