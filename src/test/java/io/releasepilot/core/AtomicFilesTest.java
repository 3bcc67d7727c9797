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
    void replacingAFileKeepsItsMode() throws Exception {
        Path file = dir.resolve("KEYS");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.write(file, "new".getBytes());
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void replacingASymlinkReplacesTheRealFileAndKeepsTheLink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("checkout")).resolve("KEYS");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("KEYS"), real);
        AtomicFiles.write(link, "new".getBytes());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).containsExactly(real);
        }
    }

    @Test
    void aReadOnlyFileIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("KEYS");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertThatThrownBy(() -> AtomicFiles.write(file, "new".getBytes()))
                .isInstanceOf(java.nio.file.AccessDeniedException.class)
                .satisfies(e -> assertThat(IoErrors.reason((IOException) e)).isEqualTo("the file is read-only"));
        assertThat(Files.readString(file)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void newFilesGetTheUsersUsualPermissionsAndKeysStayPrivate() throws Exception {
        Path reference = Files.createFile(dir.resolve("made-by-the-user"));
        Path notes = dir.resolve("notes.md");
        AtomicFiles.write(notes, "notes".getBytes());
        assertThat(Files.getPosixFilePermissions(notes)).isEqualTo(Files.getPosixFilePermissions(reference))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        Path key = dir.resolve("secret-keys.asc");
        Files.writeString(key, "old");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writePrivate(key, "new".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void aGroupReplacesNothingWhenOneOfItsFilesFails() throws Exception {
        Path asc = dir.resolve("a.tar.gz.asc");
        Path sha = dir.resolve("a.tar.gz.sha512");
        Files.writeString(asc, "old signature");
        try (AtomicFiles.Group group = AtomicFiles.group()) {
            group.write(asc, "new signature".getBytes(), false);
            group.write(sha, "new checksum".getBytes(), false);
            // The second move fails: a folder with content now stands where the checksum goes.
            Files.createDirectories(sha.resolve("in-the-way"));
            assertThatThrownBy(group::commit).isInstanceOf(IOException.class);
        }
        assertThat(Files.readString(asc)).isEqualTo("old signature");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(asc, sha);
        }
    }

    @Test
    void aGroupMovesEveryFileOnCommit() throws Exception {
        Path asc = dir.resolve("a.asc");
        Path sha = dir.resolve("a.sha512");
        Files.writeString(sha, "old");
        try (AtomicFiles.Group group = AtomicFiles.group()) {
            group.write(asc, "sig".getBytes(), false);
            group.write(sha, "sum".getBytes(), false);
            assertThat(asc).doesNotExist();
            group.commit();
        }
        assertThat(Files.readString(asc)).isEqualTo("sig");
        assertThat(Files.readString(sha)).isEqualTo("sum");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(asc, sha);
        }
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
