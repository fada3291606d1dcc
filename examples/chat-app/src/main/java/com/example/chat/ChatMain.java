package com.example.chat;

import io.tether.app.Tether;

/**
 * Runs the chat application as a server: {@code java -jar target/chat-app.jar --help}. Every
 * option of the {@code tether} command works ({@code --port}, {@code --config FILE},
 * {@code --admin-port}, ...), as do {@code TETHER_*} variables; SIGTERM stops it gracefully.
 */
public final class ChatMain {
    private ChatMain() {
    }

    /** Starts the server; returns only by exiting the JVM. */
    public static void main(String[] args) {
        Tether.run(args, new ChatApplication());
    }
}
