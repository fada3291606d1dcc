package io.tether.bench;

import io.tether.bench.load.FanoutOptions;
import io.tether.bench.load.FanoutResult;
import io.tether.bench.load.FanoutRun;
import io.tether.bench.load.IdleRun;
import io.tether.bench.load.LoadOptions;
import io.tether.bench.load.LoadResult;
import io.tether.bench.load.LoadRun;
import io.tether.bench.load.Protocol;
import io.tether.bench.soak.SoakOptions;
import io.tether.bench.soak.SoakReport;
import io.tether.bench.soak.SoakRun;
import io.tether.server.LeakDetection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load generator for the ActionHero socket protocol, JSTP (over TCP or WebSocket), ActionHero's websocket
 * protocol (Primus) and Redis PING (baseline).
 * Prints a human table and one JSON line (starting with {@code {"tetherBench":1}).
 *
 * <pre>
 * java -jar tether-bench/target/tether-bench.jar --protocol socket --port 5000 -c 50 -d 16 --duration 10s
 * java -jar tether-bench/target/tether-bench.jar --protocol jstp --port 4000 --app bench --iface bench \
 *      --request echo --args "['hello']" -c 50 -d 16 --pid 1234
 * java -jar tether-bench/target/tether-bench.jar --protocol socket --port 5000 --idle 10000 --pid 1234
 * java -jar tether-bench/target/tether-bench.jar --soak 60m -p 5000 --jstp-port 4000 --rate 20 --pid 1234 \
 *      --samples soak.csv      (bench/soak.sh runs this against a server it starts)
 * java -jar tether-bench/target/tether-bench.jar --fanout -p 5000 --fanout-ports 5000,5001 --rooms 100 \
 *      --members 10 --senders 10 --send-rate 20000 --duration 10s   (bench/fanout.sh)
 * </pre>
 */
@Command(name = "tether-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Drives a socket-protocol, JSTP, Primus or Redis server over loopback and reports throughput, "
                + "latency percentiles and the server's CPU and RSS.")
public final class LoadGenerator implements Callable<Integer> {
    @Option(names = "--protocol", description = "socket, jstp, primus (ActionHero websocket, over --ws only) or "
            + "redis (default ${DEFAULT-VALUE})")
    String protocol = "socket";
    @Option(names = "--host", description = "loopback address (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";
    @Option(names = {"-p", "--port"}, required = true, description = "server port")
    int port;
    @Option(names = {"-c", "--connections"}, description = "connections (default ${DEFAULT-VALUE})")
    int connections = 1;
    @Option(names = {"-d", "--depth"}, description = "requests in flight per connection (default ${DEFAULT-VALUE})")
    int depth = 1;
    @Option(names = "--duration", description = "measured time, e.g. 10s, 500ms (default ${DEFAULT-VALUE})")
    String duration = "10s";
    @Option(names = {"-n", "--requests"}, description = "measured requests instead of a duration (0 = off)")
    long requests;
    @Option(names = "--warmup", description = "warm-up time, not measured (default ${DEFAULT-VALUE})")
    String warmup = "2s";
    @Option(names = "--request", description = "socket: line or action name; jstp: method (default ${DEFAULT-VALUE})")
    String request;
    @Option(names = "--json", description = "socket: send JSON requests with params.messageId and match by id")
    boolean json;
    @Option(names = "--app", description = "jstp: application of the handshake (default ${DEFAULT-VALUE})")
    String app = "tether";
    @Option(names = "--iface", description = "jstp: interface (default ${DEFAULT-VALUE})")
    String iface = "api";
    @Option(names = "--args", description = "jstp: argument array in mdsf (default ${DEFAULT-VALUE})")
    String args = "[]";
    @Option(names = "--ws", description = "jstp: over WebSocket at this path (e.g. /jstp; wss with --tls) instead of "
            + "TCP; primus: its path (default /primus)")
    String ws;
    @Option(names = "--tls", description = "connect with TLS (certificate not verified)")
    boolean tls;
    @Option(names = "--transport", description = "client transport: epoll, io_uring or nio (default: epoll where "
            + "available, else nio); an unavailable epoll or io_uring is an error, never replaced")
    String transport;
    @Option(names = "--threads", description = "client event-loop threads (default: available cores)")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    @Option(names = "--pid", description = "server process to sample (repeatable; CPU and RSS are summed)")
    List<Long> pids = new ArrayList<>();
    @Option(names = "--idle", description = "idle mode: open and hold this many connections, report RSS growth")
    int idle;
    @Option(names = "--hold", description = "idle mode: hold time before sampling RSS (default ${DEFAULT-VALUE})")
    String hold = "3s";
    @Option(names = "--idle-warmup", description = "idle mode: open and hold this many connections first and "
            + "measure RSS growth from there (marginal cost); 0 = from the fresh server (default ${DEFAULT-VALUE})")
    int idleWarmup;
    @Option(names = "--idle-calls", description = "idle mode: requests each connection makes (one at a time, "
            + "--request/--iface/--args) after its greeting, before it is held (default ${DEFAULT-VALUE})")
    int idleCalls;
    @Option(names = "--ports-per-address", description = "idle mode: connections per source address 127.0.0.x "
            + "(default ${DEFAULT-VALUE})")
    int portsPerAddress = 25_000;
    @Option(names = "--quiet", description = "print only the JSON line")
    boolean quiet;
    @Option(names = "--soak", description = "soak mode: churn both protocols for this long (e.g. 60m); -p is the "
            + "socket port, --jstp-port the JSTP one, --pid the server to sample (docs/reliability.md, \"Soak\")")
    String soak;
    @Option(names = "--jstp-port", description = "soak mode: JSTP port (default ${DEFAULT-VALUE})")
    int jstpPort = 4000;
    @Option(names = "--rate", description = "soak mode: cycles started per second (default ${DEFAULT-VALUE})")
    double rate = 20;
    @Option(names = "--sample-every", description = "soak mode: heap sample interval (default ${DEFAULT-VALUE})")
    String sampleEvery = "60s";
    @Option(names = "--soak-warmup", description = "soak mode: samples before this are not judged "
            + "(default ${DEFAULT-VALUE})")
    String soakWarmup = "15m";
    @Option(names = "--max-slope", description = "soak mode: largest live-heap slope after the warm-up that "
            + "passes, KB/min (default ${DEFAULT-VALUE})")
    double maxSlope = 50;
    @Option(names = "--max-in-flight", description = "soak mode: cycles running at once (default ${DEFAULT-VALUE})")
    int maxInFlight = 200;
    @Option(names = "--samples", description = "soak mode: CSV file of the samples")
    java.nio.file.Path samples;
    @Option(names = "--fanout", description = "room fan-out mode: --rooms x --members socket connections, each "
            + "joins its room; --senders per room say timestamped messages; reports deliveries/s and delivery "
            + "latency (bench/fanout.sh, docs/fanout.md)")
    boolean fanout;
    @Option(names = "--fanout-ports", split = ",", description = "fan-out mode: the nodes' socket ports on --host "
            + "(default: -p); members of each room take them in turn")
    List<Integer> fanoutPorts = new ArrayList<>();
    @Option(names = "--rooms", description = "fan-out mode: rooms (default ${DEFAULT-VALUE})")
    int rooms = 1;
    @Option(names = "--members", description = "fan-out mode: members per room (default ${DEFAULT-VALUE})")
    int members = 10;
    @Option(names = "--senders", description = "fan-out mode: senders per room (default ${DEFAULT-VALUE})")
    int senders = 1;
    @Option(names = "--send-rate", description = "fan-out mode: messages per second of all senders together; "
            + "0 = max, each sender keeping -d messages in flight (default ${DEFAULT-VALUE})")
    double sendRate;
    @Option(names = "--room-prefix", description = "fan-out mode: rooms are PREFIX0, PREFIX1, ... and must exist "
            + "(default ${DEFAULT-VALUE})")
    String roomPrefix = "fanout";
    @Option(names = "--message-bytes", description = "fan-out mode: pad each message text to this length "
            + "(default ${DEFAULT-VALUE})")
    int messageBytes;
    @Option(names = "--probes", description = "fan-out mode: members per room, drawn at random, whose deliveries "
            + "are parsed into the latency histogram; the others only count theirs; 0 = all "
            + "(default ${DEFAULT-VALUE})")
    int probes;

    /** Entry point; the exit code is 0 on success, 1 when the run had failures, 2 on bad options. */
    public static void main(String[] argv) {
        LeakDetection.offUnlessConfigured(); // the generator must cost less than the servers it drives
        System.exit(commandLine().execute(argv));
    }

    /**
     * The command line with its handlers: an {@link IllegalArgumentException} from an option
     * checked only when the run is built (an unknown {@code --transport} or {@code --protocol},
     * options the builders refuse) prints its message, not a stack trace, and exits with 2.
     */
    static CommandLine commandLine() {
        return new CommandLine(new LoadGenerator()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("tether-bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
    }

    @Override
    public Integer call() throws Exception {
        if (soak != null) {
            SoakReport report = new SoakRun(soakOptions(), quiet ? new java.io.PrintStream(
                    java.io.OutputStream.nullOutputStream()) : System.out).run();
            System.out.println(report.toJson());
            return report.pass() ? 0 : 1;
        }
        if (fanout) {
            FanoutResult result = new FanoutRun(fanoutOptions(), transport).run();
            if (!quiet) {
                System.out.print(result.toTable());
            }
            System.out.println(result.toJson());
            return result.failures() == 0 ? 0 : 1;
        }
        LoadOptions options = options();
        LoadResult result = options.idle() > 0 ? new IdleRun(options, transport).run()
                : new LoadRun(options, transport).run();
        if (!quiet) {
            System.out.print(result.toTable());
        }
        System.out.println(result.toJson());
        return result.failures() == 0 ? 0 : 1;
    }

    LoadOptions options() {
        Protocol proto = Protocol.valueOf(protocol.toUpperCase(java.util.Locale.ROOT));
        String req = request != null ? request : proto == Protocol.JSTP ? "echo" : "randomNumber";
        return LoadOptions.defaults().toBuilder().protocol(proto).host(host).port(port).connections(connections)
                .depth(depth).duration(parse(duration)).requests(requests).warmup(parse(warmup)).request(req)
                .json(json).app(app).iface(iface).args(args).tls(tls).threads(threads).pids(pids).idle(idle)
                .hold(parse(hold)).portsPerAddress(portsPerAddress).idleWarmup(idleWarmup)
                .idleCalls(idleCalls).webSocketPath(ws == null && proto == Protocol.PRIMUS ? "/primus" : ws).build();
    }

    FanoutOptions fanoutOptions() {
        return FanoutOptions.defaults().toBuilder().host(host)
                .ports(fanoutPorts.isEmpty() ? List.of(port) : fanoutPorts).rooms(rooms).members(members)
                .senders(senders).roomPrefix(roomPrefix).sendRate(sendRate).depth(depth).messageBytes(messageBytes)
                .duration(parse(duration)).warmup(parse(warmup)).threads(threads).pids(pids).probes(probes).build();
    }

    SoakOptions soakOptions() {
        return new SoakOptions(host, port, jstpPort, app, rate, parse(soak), parse(sampleEvery), parse(soakWarmup),
                maxSlope, maxInFlight, pids.isEmpty() ? 0 : pids.get(0), samples);
    }

    /** Parses {@code 10s}, {@code 500ms}, {@code 2m} or a bare number of seconds. */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
}
