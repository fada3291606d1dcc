package io.tether.server.jstp.testapp;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.mdsf.Mdsf;
import io.tether.server.jstp.app.JstpCallContext;
import io.tether.server.jstp.app.JstpInterface;
import io.tether.server.jstp.app.JstpMethod;
import io.tether.server.jstp.app.JstpRemoteError;
import io.tether.core.session.resume.ResumableSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code testInterface} of the test application (the methods the interop tests call). The
 * payloads of {@code emitLater}/{@code delayedEcho} are bounded ({@link #MAX_PAYLOAD_CHARS},
 * else {@code [41, message]}), so are their timers per session ({@link SessionTimers}: at most
 * 256 pending holding 1 Mi characters, else {@code [22, message]}; at most 60 s ahead, else
 * {@code [21, message]}) and the events kept for {@code getClientEvents} ({@link ClientEvents}).
 */
final class TestInterface {
    private static final Logger LOG = LoggerFactory.getLogger(TestInterface.class);
    static final String NAME = "testInterface";
    /** Largest {@code emitLater}/{@code delayedEcho} payload, in characters of its mdsf form. */
    static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    private static final String VALUE = "testApp.value";
    private static final String DROPS = "testApp.dropFirst";

    private TestInterface() {
    }

    static JstpInterface create() {
        return JstpInterface.builder(NAME)
                .sync("echo", 1, ctx -> JstpTestApp.one(ctx.arg(0)))
                .sync("add", 2, ctx -> List.of(ctx.number(0) + ctx.number(1)))
                .sync("multiResult", 0, ctx -> List.of(1, "two", List.of(3)))
                .sync("fail", 2, TestInterface::fail)
                .sync("throwError", 0, ctx -> {
                    throw new IllegalStateException("testInterface.throwError");
                })
                .method(JstpMethod.async("delayedEcho", 2, TestInterface::delayedEcho))
                .sync("emitBack", 2, ctx -> {
                    ctx.emit(NAME, String.valueOf(ctx.arg(0)), JstpTestApp.one(ctx.arg(1)));
                    return List.of();
                })
                .sync("emitLater", 3, TestInterface::emitLater)
                .sync("getClientEvents", 0, ctx -> List.of(ClientEvents.of(ctx.session()).list()))
                .sync("setValue", 1, ctx -> {
                    ctx.session().data().put(VALUE, JstpTestApp.one(ctx.arg(0)));
                    return List.of();
                })
                .sync("getValue", 0, ctx -> {
                    Object boxed = ctx.session().data().get(VALUE);
                    return JstpTestApp.one(boxed instanceof List<?> l ? l.get(0) : null);
                })
                .sync("whoami", 0, ctx -> JstpTestApp.one(ctx.session().principal().map(io.tether.api.Principal::name).orElse(null)))
                .sync("appVersion", 0, ctx -> List.of(ctx.application().version()))
                .sync("sessionId", 0, ctx -> List.of(ctx.session().token()))
                .sync("dropFirst", 0, TestInterface::dropFirst)
                .build();
    }

    private static List<Object> fail(JstpCallContext ctx) {
        if (!(ctx.arg(0) instanceof Number code)) {
            throw new JstpRemoteError(17, null);
        }
        Object message = ctx.arg(1);
        return failWith(code.intValue(), message == null ? null : String.valueOf(message));
    }

    private static List<Object> failWith(int code, String message) {
        throw new JstpRemoteError(code, message);
    }

    /** The reply after the delay; the timer is the session's (bounded, cancelled when it is dropped). */
    private static CompletableFuture<List<Object>> delayedEcho(JstpCallContext ctx) {
        long delay = (long) ctx.number(0);
        Object value = ctx.arg(1);
        CompletableFuture<List<Object>> result = new CompletableFuture<>();
        SessionTimers.of(ctx.session()).schedule(ctx.timer(), delay, size(value),
                () -> result.complete(JstpTestApp.one(value)), () -> result.cancel(false));
        return result;
    }

    /** The event after the delay, to the session (buffered while it is offline); dropped with the session. */
    private static List<Object> emitLater(JstpCallContext ctx) {
        long delay = (long) ctx.number(0);
        String event = String.valueOf(ctx.arg(1));
        List<Object> payload = JstpTestApp.one(ctx.arg(2));
        ResumableSession session = ctx.session();
        SessionTimers.of(session).schedule(ctx.timer(), delay, size(payload) + event.length(),
                () -> emit(ctx, event, payload), () -> { });
        return List.of();
    }

    private static void emit(JstpCallContext ctx, String event, List<Object> payload) {
        try {
            ctx.emitToSession(NAME, event, payload);
        } catch (RuntimeException dropped) { // the session overflowed or was dropped meanwhile
            LOG.debug("emitLater event not sent: {}", dropped.toString());
        }
    }

    /** The payload's size in characters of its mdsf form; over {@link #MAX_PAYLOAD_CHARS} fails with [41]. */
    private static int size(Object payload) {
        int chars = Mdsf.stringify(payload).length();
        if (chars > MAX_PAYLOAD_CHARS) {
            throw new TetherException(ErrorCode.DATA_TOO_LONG, "payload over " + MAX_PAYLOAD_CHARS + " characters");
        }
        return chars;
    }

    private static List<Object> dropFirst(JstpCallContext ctx) {
        AtomicInteger drops = (AtomicInteger) ctx.session().data().computeIfAbsent(DROPS,
                k -> new AtomicInteger());
        int n = drops.incrementAndGet();
        if (n == 1) {
            ctx.abortTransport();
            return List.of();
        }
        return List.of(n);
    }

    /** Records events the client sends on {@code testInterface} (the newest, bounded: {@link ClientEvents}). */
    static void recordEvent(JstpCallContext ctx) {
        if (NAME.equals(ctx.iface())) {
            ClientEvents.of(ctx.session()).add(ctx.member(), new ArrayList<>(ctx.args()));
        }
    }
}
