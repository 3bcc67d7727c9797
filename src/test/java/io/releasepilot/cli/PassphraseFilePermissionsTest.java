package io.releasepilot.cli;

import io.releasepilot.core.Passphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** A passphrase file others can read is used, with a warning that says how to make it yours only. */
class PassphraseFilePermissionsTest {

    private static String read(Path file) throws Exception {
        StringWriter err = new StringWriter();
        try (Passphrase p = Passphrases.read(file, "Passphrase", false, false, new PrintWriter(err, true))) {
            assertThat(new String(p.chars())).isEqualTo("a long enough secret");
        }
        return err.toString();
    }

    @Test
    void aFileOthersCanReadIsWarnedAbout(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("pass.txt");
        Files.writeString(file, "a long enough secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(read(file)).isEqualTo("Warning: other users can read the passphrase file " + file
                + " (rw-r--r--). Make it yours only: chmod 600 " + file + System.lineSeparator());
    }

    @Test
    void aFileOnlyYouCanReadIsReadSilently(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("pass.txt");
        Files.writeString(file, "a long enough secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(read(file)).isEmpty();
    }
}
