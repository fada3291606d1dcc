package io.tether.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.Input;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The processor reports every action run to its action's probe, and unknown actions. */
class ActionMeterTest {
    record Run(String action, ErrorCode error, long nanos, boolean handled) {
    }

    private final List<String> probed = new CopyOnWriteArrayList<>();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final AtomicInteger unknown = new AtomicInteger();
    private final List<String> late = new CopyOnWriteArrayList<>();
    private TetherCore core;

    @AfterEach
    void close() {
        core.close();
    }

    private final ActionMeter meter = new ActionMeter() {
        @Override
        public Probe probe(Action action) {
            probed.add(action.name() + "@" + action.version());
            return new Probe() {
                @Override
                public void record(TetherException error, long started, long ended, boolean handled) {
                    runs.add(new Run(action.name(), error == null ? null : error.code(), ended - started, handled));
                }

                @Override
                public void handledLate(TetherException error) {
                    late.add(action.name() + ":" + (error == null ? "ok" : error.code()));
                }
            };
        }

        @Override
        public void unknownAction() {
            unknown.incrementAndGet();
        }
    };

    @Test
    void everyOutcomeIsReportedOnceWithItsDuration() throws Exception {
        core = TetherCore.builder().actionMeter(meter)
                .action(Action.named("ok").handler(ctx -> Map.of("a", 1)).build())
                .action(Action.named("here").handler(ctx -> Map.of("a", 1)).nonBlocking().build())
                .action(Action.named("needs").input(Input.named("x").required()).handler(ctx -> Map.of()).build())
                .action(Action.named("fails").handler(ctx -> {
                    throw new TetherException(ErrorCode.APPLICATION_ERROR, "no");
                }).build())
                .action(Action.named("slow").timeout(Duration.ofSeconds(1)).handler(ctx -> {
                    Thread.sleep(30_000); // a handler slower than its deadline
                    return null;
                }).build())
                .action(Action.named("stubborn").timeout(Duration.ofSeconds(1)).handler(ctx -> {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // ignores its interrupt: ends after its deadline answered
                    }
                    return Map.of("late", true);
                }).build())
                .build();
        assertThat(probed).containsExactlyInAnyOrder("ok@1", "here@1", "needs@1", "fails@1", "slow@1", "stubborn@1");
        Session s = Session.open("test", "127.0.0.1", 1, m -> { });
        ActionProcessor p = core.processor();
        for (String name : List.of("ok", "here", "needs", "fails", "slow")) {
            p.process(s, name, Map.of()).get(20, TimeUnit.SECONDS);
        }
        assertThat(p.process(s, "nothing", Map.of()).get(20, TimeUnit.SECONDS).error().code())
                .isEqualTo(ErrorCode.ACTION_NOT_FOUND);
        assertThat(runs).extracting(Run::action, Run::error, Run::handled).containsExactly(
                org.assertj.core.api.Assertions.tuple("ok", null, true),
                org.assertj.core.api.Assertions.tuple("here", null, true),
                org.assertj.core.api.Assertions.tuple("needs", ErrorCode.PARAM_REQUIRED, false),
                org.assertj.core.api.Assertions.tuple("fails", ErrorCode.APPLICATION_ERROR, true),
                org.assertj.core.api.Assertions.tuple("slow", ErrorCode.ACTION_TIMEOUT, false));
        // the interrupted sleep ended its chain after the deadline answered: reported late, once
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> late.contains("slow:" + ErrorCode.ACTION_TIMEOUT));
        assertThat(runs).allMatch(r -> r.nanos() >= 0);
        assertThat(runs.get(4).nanos()).as("the timeout after its 1 s deadline")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThat(unknown).hasValue(1);

        // a handler that ignores its interrupt: answered by the deadline, its success reported late
        assertThat(p.process(s, "stubborn", Map.of()).get(20, TimeUnit.SECONDS).error().code())
                .isEqualTo(ErrorCode.ACTION_TIMEOUT);
        assertThat(runs.get(5)).extracting(Run::action, Run::error, Run::handled)
                .containsExactly("stubborn", ErrorCode.ACTION_TIMEOUT, false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> late.contains("stubborn:ok"));
        assertThat(late).containsExactly("slow:" + ErrorCode.ACTION_TIMEOUT, "stubborn:ok");
    }

    @Test
    void anActionRegisteredLaterGetsItsProbeOnFirstUse() throws Exception {
        core = TetherCore.builder().actionMeter(meter).build();
        core.registry().register(Action.named("late").handler(ctx -> Map.of()).build());
        Session s = Session.open("test", "127.0.0.1", 1, m -> { });
        core.processor().process(s, "late", Map.of()).get(20, TimeUnit.SECONDS);
        core.processor().process(s, "late", Map.of()).get(20, TimeUnit.SECONDS);
        assertThat(probed).containsExactly("late@1");
        assertThat(runs).extracting(Run::action).containsExactly("late", "late");
    }
}
