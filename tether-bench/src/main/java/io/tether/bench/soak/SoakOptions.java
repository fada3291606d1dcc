package io.tether.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a soak run does: where the server listens, the churn rate, how long, how often the
 * server's live heap is sampled and what counts as flat.
 *
 * @param host             server address
 * @param socketPort       socket-protocol port (ActionHero)
 * @param jstpPort         JSTP port
 * @param app              JSTP application of the handshake
 * @param rate             cycles started per second, alternately socket and JSTP (see {@link SoakCycles})
 * @param duration         how long cycles are started
 * @param sampleEvery      interval between heap samples (each: a full GC of the server, then its used heap)
 * @param warmup           samples before this are not part of the verdict (JSTP sessions that dropped
 *                         stay restorable for the server's {@code session-expiry}: longer than that)
 * @param maxSlopeKbPerMin the largest least-squares slope of the live heap after the warm-up that passes
 * @param maxInFlight      cycles running at once; a start beyond it is skipped and counted (not an error)
 * @param pid              the server's process id for the samples (jcmd, /proc), or 0 for none (no verdict)
 * @param samples          CSV file of the samples, or null
 *
 * <p>Immutable (a record of values) and validated on construction. A record rather than a final
 * class with a builder: it is the bench tool's internal parameter set, built in one place from the
 * command line ({@code LoadGenerator.soakOptions()}) and in tests, not an API users evolve against.
 */
public record SoakOptions(String host, int socketPort, int jstpPort, String app, double rate, Duration duration,
                          Duration sampleEvery, Duration warmup, double maxSlopeKbPerMin, int maxInFlight,
                          long pid, Path samples) {
    /** Validates. */
    public SoakOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(sampleEvery, "sampleEvery");
        Objects.requireNonNull(warmup, "warmup");
        if (!(rate > 0) || !Double.isFinite(rate) || !(maxSlopeKbPerMin >= 0) || socketPort < 1 || socketPort > 65535
                || jstpPort < 1 || jstpPort > 65535 || pid < 0) {
            throw new IllegalArgumentException("soak: rate must be a positive number, ports 1-65535, pid >= 0");
        }
        if (rate <= 0 || maxInFlight < 1 || duration.isNegative() || duration.isZero()
                || sampleEvery.isNegative() || sampleEvery.isZero() || warmup.isNegative() || maxSlopeKbPerMin < 0) {
            throw new IllegalArgumentException("soak: rate, in-flight, duration and sample interval must be positive");
        }
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("soak: the warm-up (" + warmup + ") must be shorter than the run ("
                    + duration + ")");
        }
    }
}
