package io.tether.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.ActionMiddleware;
import io.tether.api.CallContext;
import io.tether.api.ErrorCode;
import io.tether.api.Input;
import io.tether.api.MethodContext;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpMethod;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue #12, one handler model: actions and JSTP methods share the execution mode (blocking by
 * default, nonBlocking inline), the deadline (which interrupts a blocking run and cancels an
 * asynchronous one), the middleware chain and the error policy (an internal error carries a
 * ref that the log carries too).
 */
class UnifiedPipelineTest {
    private static final Pattern REF = Pattern.compile("internal error \\(ref ([0-9a-f]{8})\\)");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch actionInterrupted = new CountDownLatch(1);
    private final CountDownLatch methodInterrupted = new CountDownLatch(1);
    private TetherCore core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private void core(ActionMiddleware... hooks) {
        core = TetherCore.builder()
                .action(Action.named("where").handler(ctx -> Map.of("virtual", Thread.currentThread().isVirtual(),
                        "thread", Thread.currentThread().getName())).build())
                .action(Action.named("whereInline").nonBlocking().handler(ctx -> Map.of("thread",
                        Thread.currentThread().getName())).build())
                .action(Action.named("sleeps").timeout(Duration.ofMillis(100)).handler(ctx -> {
                    try {
                        Thread.sleep(10_000); // a handler slower than its deadline
                    } catch (InterruptedException e) {
                        actionInterrupted.countDown();
                        throw e;
                    }
                    return null;
                }).build())
                .action(Action.named("plain").handler(ctx -> {
                    throw new IllegalArgumentException("secret detail /srv/data");
                }).build())
                .action(Action.named("badDefault").input(Input.named("x").defaultValue(() -> {
                    throw new IllegalStateException("default failed");
                })).handler(ctx -> Map.of()).build())
                .action(Action.named("badDefaultInline").nonBlocking().input(Input.named("x").defaultValue(() -> {
                    throw new IllegalStateException("default failed");
                })).handler(ctx -> Map.of()).build())
                .action(Action.named("sneakyDefault").input(Input.named("x").defaultValue(
                        UnifiedPipelineTest::sneaky)).handler(ctx -> Map.of()).build())
                .middleware(hooks)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> Object sneaky() throws T {
        throw (T) new java.io.IOException("checked, thrown by a supplier");
    }

    private static Session session() {
        return Session.open("test", "127.0.0.1", 1, m -> { });
    }

    private static MethodCall call(String member, Object... args) {
        return new MethodCall("iface", member, List.of(args), () -> { });
    }

    private ActionOutcome action(String name) throws Exception {
        return core.processor().process(session(), name, Map.of()).get(5, TimeUnit.SECONDS);
    }

    private MethodOutcome method(JstpMethod m) throws Exception {
        return core.processor().call(session(), m, call(m.name())).get(5, TimeUnit.SECONDS);
    }

    @Test
    void actionsAndMethodsBlockByDefaultOnAVirtualThread() throws Exception {
        core();
        assertThat(action("where").fields()).containsEntry("virtual", true);
        MethodOutcome m = method(JstpMethod.of("where", 0, ctx -> List.of(Thread.currentThread().isVirtual())));
        assertThat(m.results()).containsExactly(true);
    }

    @Test
    void nonBlockingActionsAndMethodsRunInlineAndAreDoneOnReturn() {
        core();
        String me = Thread.currentThread().getName();
        CompletableFuture<ActionOutcome> a = core.processor().process(session(), "whereInline", Map.of());
        assertThat(a).isDone();
        assertThat(a.join().fields()).containsEntry("thread", me);
        CompletableFuture<MethodOutcome> m = core.processor().call(session(),
                JstpMethod.nonBlocking("here", 0, ctx -> List.of(Thread.currentThread().getName())), call("here"));
        assertThat(m).isDone();
        assertThat(m.join().results()).containsExactly(me);
    }

    @Test
    void theDeadlineInterruptsABlockingActionAndMethodAndAnswersOnce() throws Exception {
        core();
        ActionOutcome a = action("sleeps");
        assertThat(a.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
        assertThat(a.error().getMessage()).isEqualTo("the action sleeps timed out after 100 ms");
        assertThat(actionInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
        MethodOutcome m = method(JstpMethod.of("sleeps", 0, ctx -> {
            try {
                Thread.sleep(10_000); // a method slower than its deadline
            } catch (InterruptedException e) {
                methodInterrupted.countDown();
                throw e;
            }
            return List.of();
        }).withTimeout(Duration.ofMillis(100)));
        assertThat(m.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
        assertThat(m.error().getMessage()).isEqualTo("the method timed out after 100 ms");
        assertThat(methodInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAsynchronousMethodIsCancelledByItsDeadline() throws Exception {
        core();
        CompletableFuture<List<Object>> never = new CompletableFuture<>();
        MethodOutcome m = method(JstpMethod.async("never", 0, ctx -> never).withTimeout(Duration.ofMillis(100)));
        assertThat(m.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
        assertThat(never).isCancelled();
    }

    @Test
    void methodsUseTheServerDefaultDeadline() throws Exception {
        core = TetherCore.builder().processorOptions(ProcessorOptions.defaults().toBuilder()
                .defaultTimeout(Duration.ofMillis(150)).build()).build();
        MethodOutcome m = method(JstpMethod.async("never", 0, ctx -> new CompletableFuture<List<Object>>()));
        assertThat(m.error().getMessage()).isEqualTo("the method timed out after 150 ms");
    }

    @Test
    void theSameMiddlewareRunsAroundActionsAndMethods() throws Exception {
        core(new ActionMiddleware() {
            @Override
            public String name() {
                return "guard";
            }

            @Override
            public void before(CallContext ctx) {
                seen.add((ctx instanceof ActionContext ? "action " : ctx instanceof MethodContext ? "method " : "? ")
                        + ctx.name());
                if (ctx.name().endsWith("forbidden")) {
                    throw new TetherException(ErrorCode.REJECTED, "not for you");
                }
            }
        });
        assertThat(action("where").ok()).isTrue();
        assertThat(method(JstpMethod.nonBlocking("ok", 0, ctx -> List.of(1))).results()).containsExactly(1);
        MethodOutcome refused = method(JstpMethod.nonBlocking("forbidden", 0, ctx -> List.of(1)));
        assertThat(refused.error().code()).isEqualTo(ErrorCode.REJECTED);
        assertThat(refused.error().getMessage()).isEqualTo("not for you");
        assertThat(seen).containsExactly("action where", "method iface.ok", "method iface.forbidden");
    }

    @Test
    void aTetherExceptionsMessageReachesTheClientAnythingElseIsAnInternalErrorWithTheRefItWasLoggedWith()
            throws Exception {
        core();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger policy = (Logger) LoggerFactory.getLogger(ErrorPolicy.class);
        log.start();
        policy.addAppender(log);
        try {
            ActionOutcome a = action("plain");
            assertThat(a.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(a.error().getMessage()).doesNotContain("secret");
            assertRefLogged(a.error().getMessage(), log, IllegalArgumentException.class);

            MethodOutcome m = method(JstpMethod.nonBlocking("plain", 0, ctx -> {
                throw new UnsupportedOperationException("detail");
            }));
            assertRefLogged(m.error().getMessage(), log, UnsupportedOperationException.class);

            MethodOutcome own = method(JstpMethod.nonBlocking("own", 0, ctx -> {
                throw TetherException.withProtocolCode(1, "Zero division");
            }));
            assertThat(own.error().getMessage()).isEqualTo("Zero division");
            assertThat(own.error().protocolCode()).hasValue(1);
        } finally {
            policy.detachAppender(log);
        }
    }

    private static void assertRefLogged(String text, ListAppender<ILoggingEvent> log, Class<?> thrown) {
        Matcher m = REF.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        String ref = m.group(1);
        List<ILoggingEvent> withRef = log.list.stream().filter(e -> e.getFormattedMessage().contains(ref)).toList();
        assertThat(withRef).as("logged once with the ref").hasSize(1);
        assertThat(withRef.get(0).getThrowableProxy().getClassName()).isEqualTo(thrown.getName());
    }

    @Test
    void aThrowingInputDefaultIsAnsweredAtOnceNotAtTheDeadline() throws Exception {
        core();
        for (String name : List.of("badDefault", "badDefaultInline", "sneakyDefault")) {
            long start = System.nanoTime();
            ActionOutcome o = core.processor().process(session(), name, Map.of()).get(5, TimeUnit.SECONDS);
            assertThat(o.error().code()).as(name).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(name).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void errorsNeverEscapeAMethodOrAMiddleware() throws Exception {
        core(new ActionMiddleware() {
            @Override
            public String name() {
                return "oom";
            }

            @Override
            public TetherException after(CallContext ctx, TetherException error) {
                if (ctx.name().endsWith("afterOom")) {
                    throw new OutOfMemoryError("test: no heap left");
                }
                return error;
            }
        });
        MethodOutcome deep = method(JstpMethod.of("deep", 0, ctx -> List.of(recurse(0))));
        assertThat(deep.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        MethodOutcome inline = method(JstpMethod.nonBlocking("oom", 0, ctx -> {
            throw new OutOfMemoryError("test: no heap left");
        }));
        assertThat(inline.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        MethodOutcome after = method(JstpMethod.nonBlocking("afterOom", 0, ctx -> List.of()));
        assertThat(after.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(after.error().getMessage()).startsWith("internal error (ref ");
    }

    private static int recurse(int depth) {
        return depth < 0 ? 0 : recurse(depth + 1) + 1;
    }
}
