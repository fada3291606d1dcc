package io.tether.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.client.testing.DemoServer;
import io.tether.client.testing.JstpTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the README programs against real servers and checks the README shows exactly them. */
class ReadmeExamplesIT {

    private static String run(Runnable program) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void socketExampleRuns() {
        try (DemoServer server = DemoServer.start(null)) {
            String out = run(() -> SocketExample.main(new String[] {String.valueOf(server.port())}));
            assertThat(out).contains("cacheTest_myKey").contains("myValue");
        }
    }

    @Test
    void jstpExampleRuns() {
        try (JstpTestServer server = JstpTestServer.start(null)) {
            String out = run(() -> JstpExample.main(new String[] {String.valueOf(server.port())}));
            assertThat(out).contains("randomNumber").contains("cacheTest_myKey");
        }
    }

    @Test
    void serverCallsExampleRuns() {
        String out = run(() -> ServerCallsExample.main(new String[0]));
        assertThat(out).contains("ordered 3 apples"); // the inspect line may or may not come before the end
    }

    @Test
    void readmeShowsTheTestedCode() throws Exception {
        for (String[] example : new String[][] {{"socket", "SocketExample"}, {"jstp", "JstpExample"}}) {
            String source = Files.readString(Path.of("src/test/java/io/tether/client/examples/" + example[1] + ".java"));
            String begin = "// README:" + example[0] + ":begin\n";
            String body = source.substring(source.indexOf(begin) + begin.length(),
                    source.indexOf("        // README:" + example[0] + ":end"));
            String dedented = Arrays.stream(body.split("\n")).map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                    .collect(Collectors.joining("\n"));
            assertThat(Files.readString(Path.of("../tether-client/README.md"))).as("client README block of " + example[1])
                    .contains(dedented);
            assertThat(Files.readString(Path.of("../README.md"))).as("root README block of " + example[1])
                    .contains(dedented);
        }
    }
}
