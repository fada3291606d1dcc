package io.tether.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue #12: StackOverflowError and OutOfMemoryError of an action are answered, not lost. */
class ActionErrorTest {
    private final TetherCore core = TetherCore.builder()
            .action(Action.named("deep").timeout(Duration.ofSeconds(30)).handler(ctx -> recurse(0)).build())
            .action(Action.named("oom").timeout(Duration.ofSeconds(30)).handler(ctx -> {
                throw new OutOfMemoryError("test: no heap left");
            }).build())
            .action(Action.named("oomHere").handler(ctx -> {
                throw new OutOfMemoryError("test: no heap left");
            }).nonBlocking().build())
            .build();

    @AfterEach
    void close() {
        core.close();
    }

    private static Map<String, Object> recurse(int depth) {
        return depth < 0 ? Map.of() : recurse(depth + 1);
    }

    private ActionOutcome run(String name) throws Exception {
        Session c = Session.open("test", "127.0.0.1", 1, m -> { });
        return core.processor().process(c, name, Map.of()).get(5, TimeUnit.SECONDS); // well before the 30 s timeout
    }

    @Test
    void aStackOverflowOnAWorkerIsAnInternalErrorWithoutDetails() throws Exception {
        ActionOutcome o = run("deep");
        assertThat(o.ok()).isFalse();
        assertThat(o.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(o.error().getMessage()).startsWith("internal error (ref ");
    }

    @Test
    void anOutOfMemoryErrorOnAWorkerIsAnInternalError() throws Exception {
        ActionOutcome o = run("oom");
        assertThat(o.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(o.error().getMessage()).startsWith("internal error (ref ");
    }

    @Test
    void anOutOfMemoryErrorOnTheCallingThreadIsAnInternalError() throws Exception {
        ActionOutcome o = run("oomHere");
        assertThat(o.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(o.error().getMessage()).startsWith("internal error (ref ");
    }
}
