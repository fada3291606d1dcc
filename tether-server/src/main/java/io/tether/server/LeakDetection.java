package io.tether.server;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer-leak sampling for server processes. Netty's default records a stack trace
 * for one buffer in 128, which cost about 3 % of the I/O threads' time under load
 * (docs/performance.md); a process's {@code main} may turn it off unless
 * {@code -Dio.netty.leakDetection.level} asks for a level. Libraries and tests never call this.
 */
public final class LeakDetection {
    private LeakDetection() {
    }

    /** Disables leak sampling unless the {@code io.netty.leakDetection.level} property is set. */
    public static void offUnlessConfigured() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
