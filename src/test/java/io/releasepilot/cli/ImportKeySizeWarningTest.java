package io.releasepilot.cli;

import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.testing.Gpg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing a GnuPG key below 4096 bits works, with a warning that the ASF asks for RSA 4096. */
class ImportKeySizeWarningTest {

    @Test
    void aSmallRsaKeyIsImportedWithAWarningAndAnEccKeyWithout(@TempDir Path tmp) throws Exception {
        try (Gpg gpg = new Gpg(tmp.resolve("gnupg"))) {
            String small = gpg.generate("Old Key <old@apache.org>", "rsa2048", "0", null);
            String ecc = gpg.generate("Ed Curve <ed@apache.org>", "ed25519", "0", null);
            Path pass = tmp.resolve("pass.txt");
            Files.writeString(pass, "a passphrase for the imported key\n");
            Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));

            CliRun rsa = CliRun.run("keys", "import", "--home", tmp.resolve("home").toString(), "--gnupg-home",
                    gpg.home().toString(), "--key", small, "--passphrase-file", pass.toString());
            assertThat(rsa.exitCode()).as(rsa.err()).isZero();
            assertThat(rsa.err()).isEqualTo("Warning: Key " + Fingerprint.parse(small).grouped()
                    + " is a 2048-bit RSA key; the ASF asks for RSA 4096 for release signing keys. It still signs,"
                    + " but consider creating a 4096-bit key and adding that to KEYS." + System.lineSeparator());

            CliRun ed = CliRun.run("keys", "import", "--home", tmp.resolve("home").toString(), "--gnupg-home",
                    gpg.home().toString(), "--key", ecc, "--passphrase-file", pass.toString());
            assertThat(ed.exitCode()).as(ed.err()).isZero();
            assertThat(ed.err()).isEmpty();
        }
    }
}
