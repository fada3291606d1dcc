package io.tether.client.jstp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.client.internal.Dispatcher;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.client.jstp.LocalApplication;
import io.tether.codec.jstp.JstpMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalCallsTest {
    private final LocalApplication app = LocalApplication.builder()
            .method("api", "hello", args -> List.of("hi " + args.getFirst()))
            .method("api", "fail", args -> {
                throw new JstpRemoteException(7, "nope", null);
            })
            .method("api", "crash", args -> {
                throw new IllegalStateException("bug");
            })
            .build();

    private JstpMessage.Callback call(LocalApplication a, String iface, String method, Object args) throws Exception {
        try (Dispatcher d = new Dispatcher("t")) {
            CompletableFuture<JstpMessage.Callback> reply = new CompletableFuture<>();
            new LocalCalls(a, d).call(new JstpMessage.Call(-1, iface, method, args), reply::complete);
            return reply.get(1, TimeUnit.SECONDS);
        }
    }

    @Test
    void answersCallsAndErrors() throws Exception {
        assertThat(call(app, "api", "hello", List.of("bob")).ok()).containsExactly("hi bob");
        assertThat(call(app, "api", "fail", List.of()).error()).containsExactly(7, "nope");
        assertThat(call(app, "api", "crash", List.of()).error()).containsExactly(16);
        assertThat(call(app, "api", "missing", List.of()).error()).containsExactly(14);
        assertThat(call(app, "api", "hello", "not a list").error()).containsExactly(17);
        assertThat(call(LocalApplication.none(), "api", "hello", List.of()).error()).containsExactly(12);
    }

    @Test
    void inspectListsMethodsOrTwelve() {
        try (Dispatcher d = new Dispatcher("t")) {
            LocalCalls calls = new LocalCalls(app, d);
            assertThat(calls.inspect(new JstpMessage.Inspect(-2, "api")).ok())
                    .containsExactlyInAnyOrder("hello", "fail", "crash");
            assertThat(calls.inspect(new JstpMessage.Inspect(-3, "x")).error()).containsExactly(12);
        }
    }
}
