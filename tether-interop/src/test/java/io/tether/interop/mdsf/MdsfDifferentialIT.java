package io.tether.interop.mdsf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Differential test of {@link MdsfReader}/{@link MdsfWriter} against the real npm
 * {@code mdsf@1.1.1}. The seed is printed; rerun with {@code -Dmdsf.seed=<seed>}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MdsfDifferentialIT {
    private static final int VALUES = 3000;
    private static final int BATCH = 500;
    private static final long SEED = Long.getLong("mdsf.seed", System.nanoTime());

    private static NodeMdsfPeer node;
    private final MdsfWriter writer = MdsfWriter.defaults();
    private final MdsfReader reader = MdsfReader.defaults();

    @BeforeAll
    static void startNode() throws Exception {
        System.out.println("MdsfDifferentialIT seed = " + SEED + " (rerun with -Dmdsf.seed=" + SEED + ")");
        node = new NodeMdsfPeer(Path.of(System.getProperty("basedir", "")).toAbsolutePath());
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void javaTextIsWhatNodeWritesAndReadsBack() throws Exception {
        RandomMdsfValues random = new RandomMdsfValues(SEED);
        List<String> failures = new ArrayList<>();
        for (int start = 0; start < VALUES; start += BATCH) {
            List<Object> values = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                Object v = random.topLevel();
                values.add(v);
                texts.add(writer.write(v));
            }
            List<?> back = (List<?>) node.request(Map.of("op", "roundtrip", "texts", texts)).get("texts");
            for (int i = 0; i < BATCH; i++) {
                check(texts.get(i), values.get(i), back.get(i), failures);
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }

    private void check(String javaText, Object value, Object nodeReply, List<String> failures) {
        if (!(nodeReply instanceof String nodeText)) {
            failures.add("node rejected " + javaText + ": " + nodeReply);
            return;
        }
        String normalized = nodeText.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        if (!normalized.equals(javaText)) {
            failures.add("text differs\n java: " + javaText + "\n node: " + nodeText);
        }
        String diff = MdsfValues.diff(value, reader.parseValue(nodeText), "$");
        if (diff != null) {
            failures.add("value differs for " + javaText + ": " + diff);
        }
    }

    @Test
    void nodeValuesSurviveJavaReadAndWrite() throws Exception {
        List<?> texts = (List<?>) node.request(Map.of("op", "generate", "seed", SEED & 0xFFFFFFFFL, "count", VALUES))
                .get("texts");
        assertThat(texts).hasSize(VALUES);
        List<String> rewritten = new ArrayList<>();
        List<String> textDiffs = new ArrayList<>();
        for (Object text : texts) {
            String javaText = writer.write(reader.parseValue((String) text));
            rewritten.add(javaText);
            String nodeText = ((String) text).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            if (!nodeText.equals(javaText)) {
                textDiffs.add("node: " + text + "\njava: " + javaText);
            }
        }
        List<?> mismatches = (List<?>) node.request(Map.of("op", "check", "texts", rewritten)).get("mismatches");
        assertThat(mismatches).as("seed %d", SEED).isEmpty();
        assertThat(textDiffs).as("seed %d", SEED).isEmpty();
    }

    @Test
    void peerReallyDetectsDifferences() throws Exception {
        node.request(Map.of("op", "generate", "seed", 7, "count", 3));
        List<?> mismatches = (List<?>) node.request(Map.of("op", "check", "texts", List.of("{}", "[1]", "{x:1}")))
                .get("mismatches");
        assertThat(mismatches).hasSize(3);
        List<?> back = (List<?>) node.request(Map.of("op", "roundtrip", "texts", List.of("{a:[1,,3],'b-c':.5}")))
                .get("texts");
        assertThat(back).isEqualTo(List.of("{a:[1,,3],'b-c':0.5}"));
    }
}
