package io.tether.testkit.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.MethodContext;
import io.tether.api.Principal;
import io.tether.api.SessionHandle;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpMethod;
import io.tether.codec.mdsf.Mdsf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code testInterface} of the test application (the methods the interop tests call). All
 * its methods only compute, so they are {@code nonBlocking} (on the I/O thread), except
 * {@code delayedEcho}, asynchronous. The payloads of {@code emitLater}/{@code delayedEcho} are
 * bounded ({@link #MAX_PAYLOAD_CHARS}, else {@code [41, message]}), so are their timers per
 * session ({@link SessionTimers}: at most 256 pending holding 1 Mi characters, else
 * {@code [22, message]}; at most 60 s ahead, else {@code [21, message]}) and the events kept for
 * {@code getClientEvents} ({@link ClientEvents}).
 */
final class TestInterface {
    static final String NAME = "testInterface";
    /** Largest {@code emitLater}/{@code delayedEcho} payload, in characters of its mdsf form. */
    static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    private static final String VALUE = "testApp.value";
    private static final String DROPS = "testApp.dropFirst";

    private TestInterface() {
    }

    static JstpInterface create(String version) {
        return JstpInterface.builder(NAME)
                .nonBlocking("echo", 1, ctx -> JstpTestApp.one(ctx.arg(0)))
                .nonBlocking("add", 2, ctx -> List.of(ctx.number(0) + ctx.number(1)))
                .nonBlocking("multiResult", 0, ctx -> List.of(1, "two", List.of(3)))
                .nonBlocking("fail", 2, TestInterface::fail)
                .nonBlocking("throwError", 0, ctx -> {
                    throw new IllegalStateException("testInterface.throwError");
                })
                .method(JstpMethod.async("delayedEcho", 2, TestInterface::delayedEcho))
                .nonBlocking("emitBack", 2, ctx -> {
                    ctx.session().emit(NAME, String.valueOf(ctx.arg(0)), JstpTestApp.one(ctx.arg(1)));
                    return List.of();
                })
                .nonBlocking("emitLater", 3, TestInterface::emitLater)
                .nonBlocking("getClientEvents", 0, ctx -> List.of(ClientEvents.of(ctx.session()).list()))
                .nonBlocking("setValue", 1, ctx -> {
                    ctx.session().data().put(VALUE, JstpTestApp.one(ctx.arg(0)));
                    return List.of();
                })
                .nonBlocking("getValue", 0, ctx -> {
                    Object boxed = ctx.session().data().get(VALUE);
                    return JstpTestApp.one(boxed instanceof List<?> l ? l.get(0) : null);
                })
                .nonBlocking("whoami", 0, ctx -> JstpTestApp.one(ctx.principal().map(Principal::name).orElse(null)))
                .nonBlocking("appVersion", 0, ctx -> List.of(version))
                .nonBlocking("sessionId", 0, ctx -> JstpTestApp.one(ctx.session().resumeToken().orElse(null)))
                .nonBlocking("dropFirst", 0, TestInterface::dropFirst)
                .build();
    }

    private static List<Object> fail(MethodContext ctx) {
        if (!(ctx.arg(0) instanceof Number code)) {
            throw TetherException.withProtocolCode(17, null);
        }
        Object message = ctx.arg(1);
        throw TetherException.withProtocolCode(code.intValue(), message == null ? null : String.valueOf(message));
    }

    /** The reply after the delay; the timer is the session's (bounded, cancelled when it ends). */
    private static CompletableFuture<List<Object>> delayedEcho(MethodContext ctx) {
        long delay = (long) ctx.number(0);
        Object value = ctx.arg(1);
        CompletableFuture<List<Object>> result = new CompletableFuture<>();
        SessionTimers.of(ctx.session()).schedule(delay, size(value),
                () -> result.complete(JstpTestApp.one(value)), () -> result.cancel(false));
        return result;
    }

    /** The event after the delay, to the session (buffered while it is offline); dropped with the session. */
    private static List<Object> emitLater(MethodContext ctx) {
        long delay = (long) ctx.number(0);
        String event = String.valueOf(ctx.arg(1));
        List<Object> payload = JstpTestApp.one(ctx.arg(2));
        SessionHandle session = ctx.session();
        SessionTimers.of(session).schedule(delay, size(payload) + event.length(),
                () -> session.emit(NAME, event, payload), () -> { });
        return List.of();
    }

    /** The payload's size in characters of its mdsf form; over {@link #MAX_PAYLOAD_CHARS} fails with [41]. */
    private static int size(Object payload) {
        int chars = Mdsf.stringify(payload).length();
        if (chars > MAX_PAYLOAD_CHARS) {
            throw new TetherException(ErrorCode.DATA_TOO_LONG, "payload over " + MAX_PAYLOAD_CHARS + " characters");
        }
        return chars;
    }

    private static List<Object> dropFirst(MethodContext ctx) {
        AtomicInteger drops = (AtomicInteger) ctx.session().data().computeIfAbsent(DROPS, k -> new AtomicInteger());
        int n = drops.incrementAndGet();
        if (n == 1) {
            ctx.abortTransport();
            return List.of();
        }
        return List.of(n);
    }

    /** Records events the client sends on {@code testInterface} (the newest, bounded: {@link ClientEvents}). */
    static void recordEvent(MethodContext ctx) {
        if (NAME.equals(ctx.iface())) {
            ClientEvents.of(ctx.session()).add(ctx.member(), new ArrayList<>(ctx.args()));
        }
    }
}
