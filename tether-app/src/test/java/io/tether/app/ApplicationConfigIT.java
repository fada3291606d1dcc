package io.tether.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application reads its own configuration keys ({@link AppSetup#config()}), and its own
 * {@code main} adds command-line options for them ({@link CommandLineOption}); the generic
 * command line knows no application's options (the demo's {@code --demo} is the demo main's).
 */
class ApplicationConfigIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, Object> PORT_0 = Map.of("tether.socket.host", "127.0.0.1",
            "tether.socket.port", 0, "tether.jstp.enabled", false);

    @Test
    void anApplicationReadsItsOwnKeysFromTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.conf"), """
                notes { greeting = "hello from the file", limit = 3 }
                """);
        AppConfig config = AppConfig.from(ConfigLoader.load(file, Map.of(), PORT_0), null);
        try (TetherServer server = TetherApp.start(config, app -> {
            String greeting = app.config().getString("notes.greeting");
            int limit = app.config().getInt("notes.limit");
            app.action(Action.named("greet").handler(ctx -> Map.of("greeting", greeting, "limit", limit)).build());
        }); LineClient c = LineClient.connect("127.0.0.1", server.port("socket"))) {
            c.readLine(WAIT); // welcome
            c.send("greet");
            assertThat(c.readMap(WAIT)).containsEntry("greeting", "hello from the file").containsEntry("limit", 3);
        }
        assertThat(config.source().getInt("tether.socket.port")).isZero(); // the server's keys are there too
        assertThat(config.toString()).as("no values of the raw configuration").doesNotContain("hello from the file");
    }

    @Test
    void aMissingApplicationKeyStopsTheStartAsAConfigurationProblem() {
        AppConfig config = AppConfig.from(ConfigLoader.load(null, Map.of(), PORT_0), null);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try {
            TetherApp.start(config, app -> app.config().getString("notes.greeting")).close();
        } catch (RuntimeException e) {
            thrown.set(e);
        }
        assertThat(thrown.get()).isInstanceOf(TetherException.class) // Typesafe names the first missing segment
                .hasMessageContaining("application configuration").hasMessageContaining("'notes'")
                .satisfies(e -> assertThat(((TetherException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }

    @Test
    void aMainAddsItsOwnOptionWhichSetsAKey() {
        AtomicReference<String> seen = new AtomicReference<>();
        CommandLineOption greeting = CommandLineOption.of("--greeting", "TEXT", "notes.greeting", "what greet says");
        int status = Tether.execute(new String[] {"--greeting", "hi there", "--no-jstp", "--port", "0"}, app -> {
            seen.set(app.config().getString("notes.greeting"));
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "stop here: the test only reads the option");
        }, greeting);
        assertThat(status).isEqualTo(2);
        assertThat(seen.get()).isEqualTo("hi there");
        String help = stderrAndOut(() -> Tether.execute(new String[] {"--help"}, app -> { }, greeting));
        assertThat(help).contains("--greeting=TEXT").contains("what greet says").doesNotContain("--demo");
    }

    @Test
    void theGenericCommandLineHasNoDemoOption() {
        String err = stderrAndOut(() -> assertThat(Tether.execute(new String[] {"--demo", "all"}, app -> {
            throw new AssertionError("must not start");
        })).isEqualTo(2));
        assertThat(err).contains("--demo").contains("see 'tether --help'");
    }

    @Test
    void optionNamesAreChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandLineOption.of("greeting", "T", "a.b", "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandLineOption.of("--g", "T", " ", "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    /** What {@code run} printed on stdout and stderr (picocli's writers are made per command line). */
    private static String stderrAndOut(Runnable run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            run.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
