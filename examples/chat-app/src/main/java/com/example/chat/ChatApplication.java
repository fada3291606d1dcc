package com.example.chat;

import io.tether.api.Action;
import io.tether.api.Formatter;
import io.tether.api.Input;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.app.AppSetup;
import io.tether.app.TetherApplication;
import java.util.List;
import java.util.Map;

/**
 * The chat application: two actions (both protocols), one JSTP-native application and a room.
 *
 * <ul>
 *   <li>action {@code greet} ({@code name}): {@code {"greeting":"Hello, Ada!"}};</li>
 *   <li>action {@code announce} ({@code room}, {@code message}): says the message in upper case to
 *       the room's members on both protocols and answers how many there are;</li>
 *   <li>JSTP application {@code chat@1.0.0}, interface {@code greeter}, method {@code hi(name)}:
 *       {@code ['Hi, Ada!']};</li>
 *   <li>room {@code lobby}, created at boot.</li>
 * </ul>
 */
public final class ChatApplication implements TetherApplication {
    /** The room created at boot. */
    public static final String LOBBY = "lobby";

    @Override
    public void install(AppSetup app) {
        app.action(greet(), announce())
                .jstp(chat())
                .room(LOBBY);
    }

    static Action greet() {
        return Action.named("greet")
                .description("Greets someone")
                .input(Input.named("name").required().formatter(Formatter.toStringValue()))
                .handler(ctx -> Map.of("greeting", "Hello, " + ctx.params().string("name") + "!"))
                .build();
    }

    static Action announce() {
        return Action.named("announce")
                .description("Says a message, in upper case, to everyone in a room")
                .input(Input.named("room").required().formatter(Formatter.toStringValue()))
                .input(Input.named("message").required().formatter(Formatter.toStringValue()))
                .handler(ctx -> {
                    String room = ctx.params().string("room");
                    ctx.rooms().broadcast(room, ctx.params().string("message").toUpperCase());
                    return Map.of("members", ctx.rooms().view(room).membersCount());
                })
                .build();
    }

    static JstpApplication chat() {
        return JstpApplication.builder("chat", "1.0.0")
                .iface(JstpInterface.builder("greeter")
                        .nonBlocking("hi", 1, ctx -> List.of("Hi, " + ctx.arg(0) + "!"))
                        .build())
                .build();
    }
}
