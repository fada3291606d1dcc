package io.tether.bench.jmh;

import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** mdsf read and write of a typical call message and of a larger record-like object. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class MdsfBenchmark {
    /** A small call as clients send it. */
    public static final String CALL = "{call:[17,'bench'],echo:['hello']}";
    /** A larger object: nested arrays, strings with escapes, numbers. */
    public static final String RECORD = "{name:'Marcus Aurelius',birth:'121-04-26',city:'Rome',"
            + "'born-in':{country:'Italy',geo:[41.9,12.5]},tags:['emperor','stoic','it\\'s'],n:-1.5e-7,ok:true,"
            + "nested:[[1,2,3],[4,5,6],{a:null}]}";

    private final MdsfReader reader = MdsfReader.defaults();
    private final MdsfWriter writer = MdsfWriter.defaults();
    private final Map<String, Object> callback = callback();
    private final Object record = reader.parseValue(RECORD);

    static Map<String, Object> callback() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callback", List.of(17));
        m.put("ok", List.of("hello"));
        return m;
    }

    /** Parses {@link #CALL}. */
    @Benchmark
    public Map<String, Object> readCall() {
        return reader.parseMessage(CALL);
    }

    /** Parses {@link #RECORD}. */
    @Benchmark
    public Object readRecord() {
        return reader.parseValue(RECORD);
    }

    /** Writes {@code {callback:[17],ok:['hello']}}. */
    @Benchmark
    public String writeCallback() {
        return writer.write(callback);
    }

    /** Writes the parsed {@link #RECORD}. */
    @Benchmark
    public String writeRecord() {
        return writer.write(record);
    }
}
