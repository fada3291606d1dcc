package io.tether.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Calls every {@code @Benchmark} method once (set-up, call, tear-down, first {@code @Param}
 * value) so the benchmarks keep compiling and working. Nothing is timed.
 */
class BenchmarksRunOnceTest {
    private static final List<Class<?>> BENCHMARKS = List.of(MdsfBenchmark.class, JstpMessageBenchmark.class,
            SocketCodecBenchmark.class, ActionDispatchBenchmark.class);

    @Test
    void everyBenchmarkMethodRunsOnce() throws Exception {
        int methods = 0;
        for (Class<?> type : BENCHMARKS) {
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    runOnce(type, m);
                    methods++;
                }
            }
        }
        assertThat(methods).isGreaterThanOrEqualTo(14);
    }

    private static void runOnce(Class<?> type, Method benchmark) throws Exception {
        Object state = type.getDeclaredConstructor().newInstance();
        for (Field f : type.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null) {
                f.set(state, Integer.parseInt(p.value()[0]));
            }
        }
        invokeAnnotated(state, Setup.class);
        try {
            Object result = benchmark.invoke(state);
            assertThat(result).as(type.getSimpleName() + "." + benchmark.getName()).isNotNull();
        } finally {
            invokeAnnotated(state, TearDown.class);
        }
    }

    private static void invokeAnnotated(Object state, Class<? extends java.lang.annotation.Annotation> a)
            throws Exception {
        for (Method m : state.getClass().getMethods()) {
            if (m.isAnnotationPresent(a)) {
                m.invoke(state);
            }
        }
    }
}
