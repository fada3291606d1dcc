package io.tether.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.ActionContext;
import io.tether.api.ActionMiddleware;
import io.tether.api.CallContext;
import io.tether.api.ErrorCode;
import io.tether.api.Input;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionProcessorTest {
    record Sum(long sum, String note) {
    }

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> order = new ArrayList<>();
    private TetherCore core;

    private TetherCore core(ActionMiddleware... middleware) {
        core = TetherCore.builder()
                .action(Action.named("add").input(Input.named("a").required().formatter(v -> Long.parseLong(v.toString())),
                                Input.named("b").defaultValue(10L))
                        .handler(ctx -> new Sum((Long) ctx.params().get("a") + ((Number) ctx.params().get("b")).longValue(), "ok"))
                        .build())
                .action(Action.named("block").handler(ctx -> {
                    release.await();
                    return Map.of("released", true);
                }).build())
                .action(Action.named("fails").handler(ctx -> {
                    ctx.response().put("before", 1);
                    throw new IllegalStateException("boom");
                }).build())
                .action(Action.named("wraps").handler(ctx -> {
                    throw new IllegalStateException("Unable to connect to 10.1.2.3:6379 for key tether:cache:k",
                            new java.io.IOException("Session refused: /10.1.2.3:6379"));
                }).build())
                .action(Action.named("errs").handler(ctx -> {
                    throw new AssertionError("internal state at /srv/data/key");
                }).build())
                .action(Action.named("slow").timeout(Duration.ofMillis(100)).handler(ctx -> {
                    Thread.sleep(10_000); // a handler slower than its deadline
                    return null;
                }).build())
                .action(Action.named("here").input(Input.named("n").required())
                        .handler(ctx -> {
                            if ("throw".equals(ctx.params().get("n"))) {
                                throw new TetherException(ErrorCode.APPLICATION_ERROR, "bad n");
                            }
                            return Map.of("thread", Thread.currentThread().getName(), "n", ctx.params().get("n"));
                        })
                        .nonBlocking().build())
                .action(Action.named("overrun").timeout(Duration.ofMillis(20)).handler(ctx -> {
                    Thread.sleep(60); // a handler slower than its deadline
                    return Map.of("late", true);
                }).nonBlocking().build())
                .action(Action.named("v").version(1).handler(ctx -> Map.of("v", 1)).build())
                .action(Action.named("v").version(2).handler(ctx -> Map.of("v", 2)).build())
                .middleware(middleware)
                .build();
        return core;
    }

    @AfterEach
    void close() {
        release.countDown();
        core.close();
    }

    private static Session connection() {
        return Session.open("test", "127.0.0.1", 1, m -> { });
    }

    private ActionOutcome run(Session c, String name, Map<String, ?> params) throws Exception {
        return core.processor().process(c, name, params).get(5, TimeUnit.SECONDS);
    }

    @Test
    void recordResultBecomesFieldsAndCountersSettle() throws Exception {
        core();
        Session c = connection();
        ActionOutcome o = run(c, "add", Map.of("a", "5"));
        assertThat(o.ok()).isTrue();
        assertThat(o.fields()).containsEntry("sum", 15L).containsEntry("note", "ok");
        assertThat(c.totalActions()).isEqualTo(1);
        assertThat(c.pendingActions()).isZero();
    }

    @Test
    void unknownActionAndVersions() throws Exception {
        core();
        Session c = connection();
        assertThat(run(c, "nope", Map.of()).error().getMessage()).isEqualTo("unknown action or invalid apiVersion");
        assertThat(run(c, "", Map.of()).error().code()).isEqualTo(ErrorCode.ACTION_NOT_FOUND);
        assertThat(run(c, "v", Map.of()).fields()).containsEntry("v", 2);
        assertThat(core.processor().process(c, "v", 1, Map.of()).get(5, TimeUnit.SECONDS).fields())
                .containsEntry("v", 1);
        assertThat(core.processor().process(c, "v", 3, Map.of()).get(5, TimeUnit.SECONDS).error().code())
                .isEqualTo(ErrorCode.ACTION_NOT_FOUND);
        assertThat(core.processor().process(c, "v", ActionProcessor.NO_SUCH_VERSION, Map.of())
                .get(5, TimeUnit.SECONDS).error().getMessage()).isEqualTo("unknown action or invalid apiVersion");
        assertThat(c.totalActions()).isEqualTo(6);
    }

    @Test
    void sixthPendingActionIsRefusedAtOnce() throws Exception {
        core();
        Session c = connection();
        List<CompletableFuture<ActionOutcome>> running = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            running.add(core.processor().process(c, "block", Map.of()));
        }
        ActionOutcome sixth = run(c, "block", Map.of());
        assertThat(sixth.error().getMessage()).isEqualTo("you have too many pending requests");
        assertThat(c.totalActions()).isEqualTo(6);
        assertThat(c.pendingActions()).isEqualTo(5);
        release.countDown();
        for (CompletableFuture<ActionOutcome> f : running) {
            assertThat(f.get(5, TimeUnit.SECONDS).fields()).containsEntry("released", true);
        }
        assertThat(c.pendingActions()).isZero();
    }

    @Test
    void aPlainExceptionKeepsFieldsButOnlyAnInternalErrorWithARefReachesTheClient() throws Exception {
        core();
        ActionOutcome o = run(connection(), "fails", Map.of());
        assertThat(o.fields()).containsEntry("before", 1);
        assertThat(o.error().getMessage()).matches("internal error \\(ref [0-9a-f]{8}\\)");
        assertThat(o.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void unexpectedFailuresReachTheClientAsAGenericText() throws Exception {
        core();
        for (String action : new String[] {"wraps", "errs"}) {
            ActionOutcome o = run(connection(), action, Map.of());
            assertThat(o.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(o.error().getMessage()).matches("internal error \\(ref [0-9a-f]{8}\\)");
            assertThat(o.error().getCause()).isNull(); // the detail went to the log, with the ref
        }
    }

    @Test
    void timeoutFailsTheRunAndFreesTheSlot() throws Exception {
        core();
        Session c = connection();
        ActionOutcome o = run(c, "slow", Map.of());
        assertThat(o.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
        assertThat(c.pendingActions()).isZero();
    }

    @Test
    void nonBlockingActionRunsOnTheCallingThreadAndIsDoneOnReturn() {
        core();
        Session c = connection();
        CompletableFuture<ActionOutcome> f = core.processor().process(c, "here", Map.of("n", "1"));
        assertThat(f).isDone();
        assertThat(f.join().fields()).containsEntry("thread", Thread.currentThread().getName())
                .containsEntry("n", "1");
        assertThat(c.pendingActions()).isZero();
        assertThat(c.totalActions()).isEqualTo(1);
    }

    @Test
    void nonBlockingActionGetsTheSameInputCheckingAndErrorsAsAnyOther() {
        core();
        Session c = connection();
        ActionOutcome missing = core.processor().process(c, "here", Map.of()).join();
        assertThat(missing.error().code()).isEqualTo(ErrorCode.PARAM_REQUIRED);
        ActionOutcome thrown = core.processor().process(c, "here", Map.of("n", "throw")).join();
        assertThat(thrown.error().code()).isEqualTo(ErrorCode.APPLICATION_ERROR);
        assertThat(thrown.error().getMessage()).isEqualTo("bad n");
        assertThat(c.pendingActions()).isZero();
    }

    @Test
    void nonBlockingActionIsNotInterruptedByItsTimeout() {
        core();
        Session c = connection();
        ActionOutcome o = core.processor().process(c, "overrun", Map.of()).join();
        assertThat(o.ok()).isTrue();
        assertThat(o.fields()).containsEntry("late", true);
        assertThat(c.pendingActions()).isZero();
    }

    @Test
    void shuttingDownRefuses() throws Exception {
        core();
        core.beginShutdown();
        assertThat(run(connection(), "add", Map.of("a", 1)).error().getMessage())
                .isEqualTo("the server is shutting down");
    }

    @Test
    void middlewareRunsByPriorityCanRejectAndRewrite() throws Exception {
        core(hook("late", 200, false), hook("early", 1, false), hook("guard", 50, true));
        ActionOutcome rejected = run(connection(), "add", Map.of("a", 1));
        assertThat(order).containsExactly("before:early", "before:guard", "after:early", "after:guard", "after:late");
        assertThat(rejected.error().code()).isEqualTo(ErrorCode.REJECTED);
        assertThat(rejected.error().getMessage()).isEqualTo("not allowed");
        assertThat(rejected.fields()).containsEntry("stamped", "late");
    }

    private ActionMiddleware hook(String name, int priority, boolean reject) {
        return new ActionMiddleware() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public void before(CallContext context) {
                order.add("before:" + name);
                if (reject) {
                    throw new TetherException(ErrorCode.REJECTED, "not allowed");
                }
            }

            @Override
            public TetherException after(CallContext context, TetherException error) {
                order.add("after:" + name);
                ((ActionContext) context).response().put("stamped", name);
                return error;
            }
        };
    }
}
