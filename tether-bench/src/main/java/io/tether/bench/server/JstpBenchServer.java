package io.tether.bench.server;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.core.TetherCore;
import io.tether.core.action.ProcessorOptions;
import io.tether.server.LeakDetection;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A Tether JSTP server for {@code bench/compare.sh}: the runnable app's own
 * {@link JstpProtocolServer}, hosting what the node peer hosts: application {@code bench}, interface
 * {@code bench}, method {@code echo(x)} answering {@code [x]} (a JSTP-native sync method),
 * method {@code pull(x)} that calls the calling client's {@code client.echo(x)} and answers with
 * what the client answered (one server→client call per request: the server-calls benchmark),
 * plus the built-in application {@code tether} whose {@code api} interface exposes an
 * {@code echo} action (the action pipeline path). Stops on SIGTERM.
 *
 * <pre>
 * java -cp tether-bench.jar io.tether.bench.server.JstpBenchServer --port 4000 --simultaneous-actions 64
 * </pre>
 */
@Command(name = "jstp-bench-server", mixinStandardHelpOptions = true,
        description = "Tether JSTP server with a trivial echo method, for benchmarks.")
public final class JstpBenchServer implements Callable<Integer> {
    @Option(names = "--host", description = "bind address (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";
    @Option(names = "--port", description = "JSTP port (default ${DEFAULT-VALUE})")
    int port = 4000;
    @Option(names = "--simultaneous-actions", description = "pending actions per connection (default ${DEFAULT-VALUE})")
    int simultaneousActions = 64;
    @Option(names = "--max-connections", description = "connections per listener and per address, 0 = no limit "
            + "(default ${DEFAULT-VALUE}: every benchmark connection comes from one address)")
    int maxConnections = 20_000;
    @Option(names = "--http-port", description = "also serve JSTP over WebSocket at /jstp on this port "
            + "(-1 = off; default ${DEFAULT-VALUE})")
    int httpPort = -1;

    /** Entry point. */
    public static void main(String[] argv) {
        LeakDetection.offUnlessConfigured(); // as in the runnable server
        System.exit(new CommandLine(new JstpBenchServer()).execute(argv));
    }

    @Override
    public Integer call() throws InterruptedException {
        TetherCore core = TetherCore.builder().action(echoAction())
                .processorOptions(ProcessorOptions.defaults().toBuilder()
                        .simultaneousActions(simultaneousActions).build())
                .build();
        JstpOptions options = JstpOptions.defaults().toBuilder().host(host).port(port)
                .application(benchApplication())
                .connectionLimits(ConnectionLimits.defaults().toBuilder().maxConnections(maxConnections)
                        .maxConnectionsPerAddress(maxConnections).build())
                .build();
        JstpProtocolServer jstp = new JstpProtocolServer(core, options);
        TetherServer.Builder builder = TetherServer.builder(core).protocol(jstp);
        if (httpPort >= 0) {
            builder.protocol(new HttpProtocolServer(core, HttpOptions.builder().host(host).port(httpPort)
                    .connectionLimits(options.connectionLimits()).build(),
                    WebRoutes.builder().webSocket("/jstp", jstp.webSocketEndpoint()).build()));
        }
        TetherServer server = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            core.close();
            stopped.countDown();
        }));
        System.out.println("listening jstp " + server.port("jstp") + " (" + server.transportName() + ")");
        if (httpPort >= 0) {
            System.out.println("listening http " + server.port("http") + " (JSTP over WebSocket at /jstp)");
        }
        stopped.await();
        return 0;
    }

    /** Application {@code bench} 1.0.0 with {@code bench.echo(x) -> [x]}. */
    static JstpApplication benchApplication() {
        JstpInterface bench = JstpInterface.builder("bench")
                .nonBlocking("echo", 1, ctx -> List.of(ctx.arg(0)))
                .method(JstpMethod.async("pull", 1, ctx -> ctx.jstpPeer().orElseThrow()
                        .callMethod("client", "echo", List.of(ctx.arg(0)))))
                .build();
        return JstpApplication.builder("bench", "1.0.0").iface(bench).build();
    }

    /** Action {@code echo(text)} answering {@code {text}}. */
    static Action echoAction() {
        return Action.named("echo").input(Input.named("text").required())
                .handler(ctx -> Map.of("text", ctx.params().string("text"))).nonBlocking().build();
    }
}
