package io.tether.server.jstp.testapp;

import io.tether.server.jstp.app.JstpCallContext;
import io.tether.server.jstp.app.JstpInterface;
import io.tether.server.jstp.app.JstpMethod;
import io.tether.server.jstp.app.JstpRemoteError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@code testInterface} of the test application (see {@code jstp-test-app.md} §5). */
final class TestInterface {
    static final String NAME = "testInterface";
    private static final String EVENTS = "testApp.clientEvents";
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
                .sync("getClientEvents", 0, ctx -> List.of(new ArrayList<>(events(ctx))))
                .sync("setValue", 1, ctx -> {
                    ctx.session().userData().put(VALUE, JstpTestApp.one(ctx.arg(0)));
                    return List.of();
                })
                .sync("getValue", 0, ctx -> {
                    Object boxed = ctx.session().userData().get(VALUE);
                    return JstpTestApp.one(boxed instanceof List<?> l ? l.get(0) : null);
                })
                .sync("whoami", 0, ctx -> JstpTestApp.one(ctx.session().username()))
                .sync("appVersion", 0, ctx -> List.of(ctx.application().version()))
                .sync("sessionId", 0, ctx -> List.of(ctx.session().id()))
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

    private static CompletableFuture<List<Object>> delayedEcho(JstpCallContext ctx) {
        long delay = (long) ctx.number(0);
        Object value = ctx.arg(1);
        CompletableFuture<List<Object>> result = new CompletableFuture<>();
        ctx.timer().schedule(() -> result.complete(JstpTestApp.one(value)), Math.max(0, delay),
                TimeUnit.MILLISECONDS);
        return result;
    }

    private static List<Object> emitLater(JstpCallContext ctx) {
        long delay = (long) ctx.number(0);
        String event = String.valueOf(ctx.arg(1));
        List<Object> payload = JstpTestApp.one(ctx.arg(2));
        ctx.timer().schedule(() -> ctx.emitToSession(NAME, event, payload), Math.max(0, delay),
                TimeUnit.MILLISECONDS);
        return List.of();
    }

    private static List<Object> dropFirst(JstpCallContext ctx) {
        AtomicInteger drops = (AtomicInteger) ctx.session().userData().computeIfAbsent(DROPS,
                k -> new AtomicInteger());
        int n = drops.incrementAndGet();
        if (n == 1) {
            ctx.abortTransport();
            return List.of();
        }
        return List.of(n);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> events(JstpCallContext ctx) {
        return (List<Object>) ctx.session().userData().computeIfAbsent(EVENTS, k -> new CopyOnWriteArrayList<>());
    }

    /** Records events the client sends on {@code testInterface}. */
    static void recordEvent(JstpCallContext ctx) {
        if (NAME.equals(ctx.iface())) {
            events(ctx).add(List.of(ctx.member(), new ArrayList<>(ctx.args())));
        }
    }
}
