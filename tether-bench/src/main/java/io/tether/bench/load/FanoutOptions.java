package io.tether.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one room fan-out run does ({@link FanoutRun}): {@code rooms × members} socket-protocol
 * connections, each a member of one room, spread over the server ports so that every room has
 * members on every server; the first {@code senders} members of each room send {@code say}
 * lines carrying their send time. Immutable; start from {@link #defaults()} and change with
 * {@link #toBuilder()}.
 *
 * @param host         server address (must be loopback: 127.0.0.0/8)
 * @param ports        server ports (one per node); member {@code j} of room {@code r} connects to
 *                     {@code ports[(r + j) % ports.size()]}
 * @param rooms        number of rooms ({@code roomPrefix0 … roomPrefix(rooms-1)})
 * @param members      members per room (connections = rooms × members)
 * @param senders      members of each room that send (1 … members)
 * @param roomPrefix   room name prefix; the rooms must exist on the servers
 * @param sendRate     room messages sent per second by all senders together; 0 = as fast as the
 *                     servers take them (each sender keeps {@code depth} messages in flight, one
 *                     being done when the sender receives its own copy)
 * @param depth        max mode: messages in flight per sender
 * @param messageBytes minimum length of the message text (padded), 0 = just the stamp
 * @param duration     measured duration
 * @param warmup       warm-up with the same load before measuring (results discarded)
 * @param threads      client event-loop threads
 * @param pids         server processes whose CPU is reported, each apart and summed (may be empty)
 * @param probes       members per room whose deliveries go into the latency histogram, chosen at random
 *                     (fixed seed) among all members, senders included; 0 = every member. The others
 *                     only count their deliveries (rate and {@code lost} stay exact)
 */
public record FanoutOptions(String host, List<Integer> ports, int rooms, int members, int senders,
                            String roomPrefix, double sendRate, int depth, int messageBytes, Duration duration,
                            Duration warmup, int threads, List<Long> pids, int probes) {

    /** Validates the values. */
    public FanoutOptions {
        Objects.requireNonNull(roomPrefix, "roomPrefix");
        if (!host.startsWith("127.") && !host.equals("localhost")) {
            throw new IllegalArgumentException("only loopback targets (127.0.0.0/8) are allowed: " + host);
        }
        ports = List.copyOf(ports);
        pids = List.copyOf(pids);
        if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
            throw new IllegalArgumentException("fan-out needs one or more valid ports: " + ports);
        }
        if (rooms < 1 || members < 1 || senders < 1 || senders > members || depth < 1 || threads < 1
                || messageBytes < 0 || sendRate < 0 || probes < 0 || roomPrefix.isBlank() || roomPrefix.contains(" ")) {
            throw new IllegalArgumentException("invalid rooms, members, senders (1 … members), depth, threads, "
                    + "message bytes, send rate, probes or room prefix");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("duration must be > 0, warmup >= 0");
        }
    }

    /** One room of 10 members on 127.0.0.1:5000, one sender, max rate, depth 8, 10 s, 2 s warm-up. */
    public static FanoutOptions defaults() {
        return new FanoutOptions("127.0.0.1", List.of(5000), 1, 10, 1, "fanout", 0, 8, 0, Duration.ofSeconds(10),
                Duration.ofSeconds(2), Math.max(1, Runtime.getRuntime().availableProcessors()), List.of(), 0);
    }

    /** Connections of the run. */
    public int connections() {
        return rooms * members;
    }

    /** The name of room {@code r}. */
    public String room(int r) {
        return roomPrefix + r;
    }

    /** The port member {@code j} of room {@code r} connects to: members of a room take the servers in turn. */
    public int portOf(int room, int member) {
        return ports.get((room + member) % ports.size());
    }

    /**
     * Which members of a room are latency probes: {@code probes} of them drawn uniformly at random
     * (seeded by the room index, so a run is repeatable), independent of which members send or
     * which node they use; all when {@code probes} is 0 or at least {@code members}.
     */
    public boolean[] probesOf(int room) {
        boolean[] out = new boolean[members];
        if (probes == 0 || probes >= members) {
            java.util.Arrays.fill(out, true);
            return out;
        }
        java.util.Random random = new java.util.Random(0x5eed + room);
        for (int chosen = 0; chosen < probes; ) {
            int j = random.nextInt(members);
            if (!out[j]) {
                out[j] = true;
                chosen++;
            }
        }
        return out;
    }

    /** A short description, e.g. {@code fanout 1x1000 s1 max}. */
    public String label() {
        return "fanout " + rooms + "x" + members + " s" + senders + " "
                + (sendRate > 0 ? String.format(java.util.Locale.ROOT, "%.0f/s", sendRate) : "max d" + depth);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link FanoutOptions}. */
    public static final class Builder {
        private String host;
        private List<Integer> ports;
        private int rooms;
        private int members;
        private int senders;
        private String roomPrefix;
        private double sendRate;
        private int depth;
        private int messageBytes;
        private Duration duration;
        private Duration warmup;
        private int threads;
        private List<Long> pids;
        private int probes;

        private Builder(FanoutOptions o) {
            host = o.host; ports = o.ports; rooms = o.rooms; members = o.members; senders = o.senders;
            roomPrefix = o.roomPrefix; sendRate = o.sendRate; depth = o.depth; messageBytes = o.messageBytes;
            duration = o.duration; warmup = o.warmup; threads = o.threads; pids = o.pids;
            probes = o.probes;
        }

        /** Server address. */
        public Builder host(String v) { host = v; return this; }
        /** Server ports, one per node. */
        public Builder ports(List<Integer> v) { ports = v; return this; }
        /** Number of rooms. */
        public Builder rooms(int v) { rooms = v; return this; }
        /** Members per room. */
        public Builder members(int v) { members = v; return this; }
        /** Senders per room. */
        public Builder senders(int v) { senders = v; return this; }
        /** Room name prefix. */
        public Builder roomPrefix(String v) { roomPrefix = v; return this; }
        /** Messages per second of all senders, 0 = max. */
        public Builder sendRate(double v) { sendRate = v; return this; }
        /** Messages in flight per sender (max mode). */
        public Builder depth(int v) { depth = v; return this; }
        /** Minimum message text length. */
        public Builder messageBytes(int v) { messageBytes = v; return this; }
        /** Measured duration. */
        public Builder duration(Duration v) { duration = v; return this; }
        /** Warm-up. */
        public Builder warmup(Duration v) { warmup = v; return this; }
        /** Client event-loop threads. */
        public Builder threads(int v) { threads = v; return this; }
        /** Server pids to sample. */
        public Builder pids(List<Long> v) { pids = v; return this; }
        /** Latency probes per room, 0 = every member. */
        public Builder probes(int v) { probes = v; return this; }

        /** The options. */
        public FanoutOptions build() {
            return new FanoutOptions(host, ports, rooms, members, senders, roomPrefix, sendRate, depth, messageBytes,
                    duration, warmup, threads, pids, probes);
        }
    }
}
