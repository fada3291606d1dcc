package io.tether.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.Admission;
import io.tether.api.ConnectAttempt;
import io.tether.api.ConnectionPolicy;
import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The demo server's {@code /documentation.json} over real HTTP from several loopback addresses:
 * like the documentation verbs of the other protocols, it is given only to clients the
 * connection policy admits (refused: 403 with a JSON body, counted as {@code connection_policy}).
 */
class DocumentationPolicyIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A demo server (the pages and the documentation of one action) on a core with this policy. */
    private record Demo(TetherCore core, TetherServer server) implements AutoCloseable {
        static Demo start(ConnectionPolicy policy) {
            TetherCore.Builder b = TetherCore.builder().action(Action.named("hello").nonBlocking()
                    .handler(ctx -> Map.of("hi", true)).build());
            if (policy != null) {
                b.connectionPolicy(policy);
            }
            TetherCore core = b.build();
            WebRoutes routes = DemoPage.builder().core(core).build().register(WebRoutes.builder()).build();
            HttpProtocolServer http = new HttpProtocolServer(core, HttpOptions.builder().host("0.0.0.0").port(0)
                    .build(), routes);
            return new Demo(core, TetherServer.builder(core).protocol(http).build().start());
        }

        HttpResponse<String> get(String from, String method, String path) throws Exception {
            try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from))
                    .connectTimeout(WAIT).build()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port("http") + path))
                        .timeout(WAIT).method(method, HttpRequest.BodyPublishers.noBody()).build();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void refusedClientsGet403AndAdmittedOnesTheDocumentation() throws Exception {
        List<ConnectAttempt> seen = new CopyOnWriteArrayList<>();
        try (Demo demo = Demo.start(attempt -> {
            seen.add(attempt);
            return attempt.connection().remoteIp().equals("127.0.0.2") ? Admission.refuse("not from \"there\"")
                    : Admission.accept();
        })) {
            HttpResponse<String> refused = demo.get("127.0.0.2", "GET", DemoPage.DOCUMENTATION_PATH);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
            assertThat(refused.body()).isEqualTo("{\"error\":\"not from \\\"there\\\"\"}\n");
            assertThat(demo.core().refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(1);
            HttpResponse<String> head = demo.get("127.0.0.2", "HEAD", DemoPage.DOCUMENTATION_PATH);
            assertThat(head.statusCode()).isEqualTo(403);
            assertThat(head.body()).isEmpty();
            assertThat(demo.core().refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(2);

            HttpResponse<String> admitted = demo.get("127.0.0.3", "GET", DemoPage.DOCUMENTATION_PATH);
            assertThat(admitted.statusCode()).isEqualTo(200);
            assertThat(admitted.body()).contains("\"hello\"");
            assertThat(demo.core().refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(2);
            // the page itself is public: only the application's data is behind the policy
            assertThat(demo.get("127.0.0.2", "GET", "/").statusCode()).isEqualTo(200);

            assertThat(seen).hasSize(3).allSatisfy(a -> {
                assertThat(a.connection().type()).isEqualTo("http");
                assertThat(a.restore()).isFalse();
                assertThat(a.transportPrincipal()).isEmpty();
            });
            assertThat(seen).extracting(a -> a.connection().remoteIp())
                    .containsExactly("127.0.0.2", "127.0.0.2", "127.0.0.3");
        }
    }

    @Test
    void withoutAPolicyEveryoneGetsTheDocumentation() throws Exception {
        try (Demo demo = Demo.start(null)) {
            HttpResponse<String> docs = demo.get("127.0.0.2", "GET", DemoPage.DOCUMENTATION_PATH);
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("\"hello\"");
            assertThat(demo.core().refusals().get(Refusal.CONNECTION_POLICY)).isZero();
        }
    }
}
