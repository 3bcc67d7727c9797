package io.releasepilot.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("KEYS");
        Files.writeString(file, "old content that must survive");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("new half".getBytes());
            throw new IOException("disk full");
        }, false)).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old content that must survive");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void privateFilesAreReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("secret");
        AtomicFiles.writePrivate(file, new byte[] {1, 2, 3});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aPassphraseNeverPrintsItselfAndIsClearedOnClose() {
        char[] typed = "correct horse".toCharArray();
        Passphrase p = new Passphrase(typed);
        assertThat(p).hasToString("***");
        char[] inside = p.chars();
        p.close();
        assertThat(inside).containsOnly('\0');
        assertThat(p.isCleared()).isTrue();
        assertThatThrownBy(p::chars).isInstanceOf(IllegalStateException.class);
    }
}
