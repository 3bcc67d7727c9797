package io.releasepilot.cli;

import io.releasepilot.core.AppHome;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.Progress;
import io.releasepilot.keys.KeyService;
import io.releasepilot.pgp.KeySpec;
import io.releasepilot.pgp.KeysReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** keys append and sign keep the files they touch as they were: mode, links, read-only; new files get the umask. */
class FilesKeepWhatTheyWereTest {
    static final String PASS = "modes passphrase";
    static final String HEADER = "This file holds the project's release keys.\n";
    @TempDir
    static Path tmp;
    static Path home;
    static String fpr;

    @BeforeAll
    static void makeAKey() throws Exception {
        home = tmp.resolve("home");
        try (Passphrase p = new Passphrase(PASS.toCharArray())) {
            fpr = new KeyService(new AppHome(home)).generate(new KeySpec("Jane Doe", "jdoe@apache.org", "",
                    Optional.empty(), 1024), p, Progress.NONE).key().fingerprint().hex();
        }
    }

    private static CliRun append(Path keys) {
        return CliRun.run("keys", "append", "--home", home.toString(), "--keys-file", keys.toString(), "--key", fpr);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void appendKeepsTheModeOfKeys() throws Exception {
        Path keys = Files.writeString(Files.createDirectories(tmp.resolve("mode")).resolve("KEYS"), HEADER);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-rw-r--"));
        CliRun run = append(keys);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(mode(keys)).isEqualTo("rw-rw-r--");
        assertThat(KeysReader.read(keys).size()).isEqualTo(1);
    }

    @Test
    void appendRefusesAReadOnlyKeysAndSaysSo() throws Exception {
        Path keys = Files.writeString(Files.createDirectories(tmp.resolve("ro")).resolve("KEYS"), HEADER);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("r--r--r--"));
        CliRun run = append(keys);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("Done");
        assertThat(run.err()).contains("Could not write the KEYS file " + keys + ": the file is read-only.",
                "chmod u+w " + keys);
        assertThat(Files.readString(keys)).isEqualTo(HEADER);
        assertThat(mode(keys)).isEqualTo("r--r--r--");
    }

    @Test
    void appendThroughASymlinkUpdatesTheRealKeysAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(Files.createDirectories(tmp.resolve("svn/dist/release/kvrocks")).resolve("KEYS"),
                HEADER);
        Path link = Files.createSymbolicLink(tmp.resolve("KEYS-link"), real);
        CliRun run = append(link);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(KeysReader.read(real).size()).isEqualTo(1);
        assertThat(Files.readString(real)).startsWith(HEADER);
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).as("the lock sits beside the real file; no temp file is left")
                    .containsExactlyInAnyOrder(real, real.resolveSibling(".KEYS.lock"));
        }
    }

    @Test
    void signaturesAndChecksumsGetTheUsersUsualPermissions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("artifacts"));
        Path artifact = Files.writeString(dir.resolve("apache-kvrocks-2.4.0-src.tar.gz"), "archive bytes");
        Path pass = Files.writeString(tmp.resolve("pass"), PASS + "\n");
        CliRun sign = CliRun.run("sign", "--home", home.toString(), "--key", fpr, "--passphrase-file",
                pass.toString(), artifact.toString());
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        String artifactMode = mode(artifact);
        assertThat(artifactMode).isNotEqualTo("rw-------");
        assertThat(mode(dir.resolve("apache-kvrocks-2.4.0-src.tar.gz.asc"))).isEqualTo(artifactMode);
        assertThat(mode(dir.resolve("apache-kvrocks-2.4.0-src.tar.gz.sha512"))).isEqualTo(artifactMode);
        assertThat(mode(home.resolve("keys").resolve("secret-keys.asc"))).isEqualTo("rw-------");
    }
}
