package io.tether.server.actionhero;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicFilesTest {
    @TempDir
    Path temp;

    @Test
    void resolvesOnlyRegularFilesInsideTheDirectory() throws IOException {
        Path pub = Files.createDirectories(temp.resolve("pub"));
        Path inside = Files.writeString(pub.resolve("a.txt"), "a");
        Path outside = Files.writeString(temp.resolve("b.txt"), "b");
        Files.createSymbolicLink(pub.resolve("out.txt"), outside);
        Files.createDirectories(pub.resolve("d"));
        PublicFiles files = new PublicFiles(pub);
        assertThat(files.resolve("a.txt")).contains(inside.toRealPath());
        assertThat(files.resolve("d/../a.txt")).contains(inside.toRealPath());
        assertThat(files.resolve("../b.txt")).isEmpty();
        assertThat(files.resolve(outside.toString())).isEmpty();
        assertThat(files.resolve("out.txt")).isEmpty();
        assertThat(files.resolve("d")).isEmpty();
        assertThat(files.resolve("")).isEmpty();
        assertThat(files.resolve(null)).isEmpty();
        assertThat(files.resolve("a.txt\0")).isEmpty();
        assertThat(new PublicFiles(null).resolve("a.txt")).isEmpty();
        assertThat(new PublicFiles(temp.resolve("missing")).resolve("a.txt")).isEmpty();
    }

    @Test
    void aSymlinkedRootItselfIsFine() throws IOException {
        Path pub = Files.createDirectories(temp.resolve("real"));
        Files.writeString(pub.resolve("a.txt"), "a");
        Path link = Files.createSymbolicLink(temp.resolve("link"), pub);
        assertThat(new PublicFiles(link).resolve("a.txt")).isPresent();
    }
}
